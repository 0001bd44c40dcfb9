package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;
import org.greendesk.contract.AskRequest;
import org.greendesk.contract.Json;

/** A JSON Lines batch on standard input: one {@link AskRequest} a line. */
final class BatchRequest {
  private BatchRequest() {}

  /** Answers one request; throws IllegalArgumentException for a request it cannot answer. */
  interface Handler {
    void handle(AskRequest request);
  }

  /** Says what went wrong with line {@code number}, as the batch prints it. */
  interface ErrorLine {
    String of(int number, String line, String problem);
  }

  /**
   * Reads JSON Lines requests until the end of input and hands each to the handler, in order. A line that is not
   * a request, or that the handler refuses, gets an error object naming the line; the next lines are still read.
   *
   * @return how many lines failed
   */
  static int forEach(Terminal terminal, Handler handler) throws IOException {
    return forEachLine(terminal, line -> handler.handle(AskRequest.parse(line)),
        (number, line, problem) -> Json.error(number, AskRequest.idOf(line), problem).toString());
  }

  /**
   * Hands each non-blank line of the input to the handler, in order; a line it refuses with an
   * IllegalArgumentException gets the error line, and the next lines are still read.
   *
   * @return how many lines failed
   */
  static int forEachLine(Terminal terminal, Consumer<String> handler, ErrorLine error) throws IOException {
    BufferedReader reader = terminal.reader();
    int number = 0;
    int failed = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        handler.accept(line);
      } catch (IllegalArgumentException e) {
        failed++;
        terminal.out().println(error.of(number, line, e.getMessage()));
      }
      terminal.out().flush();
    }
    return failed;
  }
}
