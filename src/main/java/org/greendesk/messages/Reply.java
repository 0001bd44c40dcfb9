package org.greendesk.follow;

import java.util.Map;
import java.util.Objects;

/** What to tell the SME: a text of the message catalogue and its placeholders' values, already in their language. */
public record Reply(String key, Map<String, String> values) {
  public Reply {
    Objects.requireNonNull(key, "key");
    values = Map.copyOf(values);
  }

  public static Reply of(String key) {
    return new Reply(key, Map.of());
  }
}
