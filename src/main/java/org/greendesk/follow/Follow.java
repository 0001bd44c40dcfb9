package org.greendesk.follow;

import java.util.Locale;
import java.util.Objects;

/**
 * What an SME follows.
 *
 * @param target the document's id, the topic in lower case, the economy as documents name it, or for
 *     {@link Kind#EVENTS} the economy whose events (empty: events anywhere)
 * @param label how the SME is shown it in a list: the document's title, the topic or the economy
 */
public record Follow(Kind kind, String target, String label) {
  /** What can be followed. */
  public enum Kind {
    DOCUMENT, TOPIC, ECONOMY, EVENTS;

    /** As stored. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  public Follow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
  }
}
