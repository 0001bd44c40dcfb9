package org.greendesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One line of a JSON Lines batch: a bare JSON string (the question), or {@code {"q", "id", "conversation"}}.
 *
 * @param id echoed in the answer, or {@code null}
 * @param conversation lines sharing it are turns of one conversation, or {@code null} for a lone question
 */
record BatchRequest(String q, @Nullable String id, @Nullable String conversation) {

  /** @throws IllegalArgumentException with a message fit for the error object of that line */
  static BatchRequest parse(String line) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (node.isTextual()) {
      return new BatchRequest(node.asText(), null, null);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a line must be a JSON string or an object with \"q\"");
    }
    String id = text(node, "id");
    JsonNode q = node.get("q");
    if (q == null || !q.isTextual()) {
      throw new IllegalArgumentException("missing \"q\" (the question, a string)" + (id == null ? "" : " in request " + id));
    }
    return new BatchRequest(q.asText(), id, text(node, "conversation"));
  }

  /** Answers one request; throws IllegalArgumentException for a request it cannot answer. */
  interface Handler {
    void handle(BatchRequest request);
  }

  /**
   * Reads JSON Lines requests until the end of input and hands each to the handler, in order. A line that is not
   * a request, or that the handler refuses, gets an error object naming the line; the next lines are still read.
   *
   * @return how many lines failed
   */
  static int forEach(Terminal terminal, Handler handler) throws IOException {
    BufferedReader reader = terminal.reader();
    int number = 0;
    int failed = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        handler.handle(parse(line));
      } catch (IllegalArgumentException e) {
        failed++;
        terminal.out().println(Json.error(number, idOf(line), e.getMessage()));
      }
      terminal.out().flush();
    }
    return failed;
  }

  /** The id of a line that could not be parsed as a request, if one can still be read from it. */
  static @Nullable String idOf(String line) {
    try {
      JsonNode node = Json.MAPPER.readTree(line);
      return node != null && node.isObject() ? text(node, "id") : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
