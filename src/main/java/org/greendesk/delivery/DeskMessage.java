package org.greendesk.delivery;

import java.util.Locale;
import java.util.Objects;

/**
 * A message to the advisor desk about one escalation.
 *
 * @param kind {@code ANNOUNCE} a new escalation (its text is the handoff brief), {@code UPDATE} its state changed,
 *     {@code RELAY} a message of the SME's during the handoff
 */
public record DeskMessage(Kind kind, long escalationId, String text) {

  public enum Kind {
    ANNOUNCE, UPDATE, RELAY;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DeskMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
