package org.greendesk.messages;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to tell the SME: a text of the message catalogue, its placeholders' values already in their language, and
 * the buttons to offer under it.
 *
 * @param actions as {@code OutgoingMessage#actions}: {@code advisor}, or {@code choice:TEXT}, a button that sends
 *     TEXT as the SME's own message
 */
public record Reply(String key, Map<String, String> values, List<String> actions) {
  public Reply {
    Objects.requireNonNull(key, "key");
    values = Map.copyOf(values);
    actions = List.copyOf(actions);
  }

  public Reply(String key, Map<String, String> values) {
    this(key, values, List.of());
  }

  public static Reply of(String key) {
    return new Reply(key, Map.of());
  }
}
