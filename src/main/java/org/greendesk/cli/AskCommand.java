package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Turn;
import org.greendesk.config.GreenDesk;
import org.greendesk.contract.Json;
import org.greendesk.search.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ask}: one answer for a person, one as JSON, or a JSON Lines batch from standard input. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer a question from the knowledge base, with sources. '-' reads questions from standard input.")
final class AskCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--json", description = "print the answer as JSON; with '-', read and write JSON Lines")
  boolean json;

  @Option(names = "--top-k", paramLabel = "N", defaultValue = "3", description = "most sources to list (1-100)")
  int topK;

  @Parameters(paramLabel = "QUESTION", arity = "1", description = "the question, or '-' for standard input")
  String question;

  AskCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (!SearchQuery.validTopK(topK)) {
      terminal.err().println("--top-k must be between 1 and " + SearchQuery.MAX_TOP_K + ": " + topK);
      return 2;
    }
    if (!question.equals("-") && question.isBlank()) {
      terminal.err().println("The question is empty: ask \"What is CBAM?\"");
      return 2;
    }
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      if (!question.equals("-")) {
        Answer answer = desk.assistant().reply(question, List.of(), topK).answer();
        terminal.out().println(json ? Json.answer(answer, null).toString() : Printer.answer(answer));
        return 0;
      }
      return json ? jsonBatch(desk.assistant()) : plainBatch(desk.assistant());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request a line; a bad line gets an error object and the others are still answered. */
  private int jsonBatch(Assistant assistant) throws IOException {
    Map<String, List<Turn>> conversations = new HashMap<>();
    int failed = BatchRequest.forEach(terminal, request -> {
      List<Turn> history = request.conversation() == null ? new ArrayList<>()
          : conversations.computeIfAbsent(request.conversation(), c -> new ArrayList<>());
      Turn turn = assistant.reply(request.q(), history, topK);
      history.add(turn);
      terminal.out().println(Json.answer(turn.answer(), request.id()));
    });
    return failed == 0 ? 0 : 1;
  }

  /** One question a line, answered for a person; the lines are turns of one conversation. */
  private int plainBatch(Assistant assistant) throws IOException {
    List<Turn> history = new ArrayList<>();
    BufferedReader reader = terminal.reader();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (!line.isBlank()) {
        Turn turn = assistant.reply(line, history, topK);
        history.add(turn);
        terminal.out().println(Printer.answer(turn.answer()));
        terminal.out().println();
      }
    }
    return 0;
  }
}
