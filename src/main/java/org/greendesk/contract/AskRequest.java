package org.greendesk.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.greendesk.store.StorableText;
import org.jspecify.annotations.Nullable;

/**
 * A question as other tools send it: a batch line of {@code ask --json -}, or the body of {@code POST /api/ask}.
 * Either a bare JSON string (the question) or {@code {"q", "id", "conversation"}}.
 *
 * @param id echoed in the answer, or {@code null}
 * @param conversation requests sharing it are turns of one conversation, or {@code null} for a lone question
 */
public record AskRequest(String q, @Nullable String id, @Nullable String conversation) {

  public AskRequest {
    Objects.requireNonNull(q, "q");
  }

  /** @throws IllegalArgumentException with a message fit for an error object naming the problem */
  public static AskRequest parse(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new IllegalArgumentException("empty request: send a JSON string or an object with \"q\"");
    }
    if (node.isTextual()) {
      return new AskRequest(node.asText(), null, null);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("a request must be a JSON string or an object with \"q\"");
    }
    String id = text(node, "id");
    JsonNode q = node.get("q");
    if (q == null || !q.isTextual()) {
      throw new IllegalArgumentException("missing \"q\" (the question, a string)" + (id == null ? "" : " in request " + id));
    }
    return new AskRequest(StorableText.clean(q.asText()), id, text(node, "conversation"));
  }

  /** The id of a request that could not be parsed, if one can still be read from it. */
  public static @Nullable String idOf(String json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
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
