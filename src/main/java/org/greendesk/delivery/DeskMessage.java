package org.greendesk.delivery;

import java.util.Objects;
import org.greendesk.base.WireName;

/**
 * A message to the advisor desk about one escalation.
 *
 * @param kind {@code ANNOUNCE} a new escalation (its text is the handoff brief), {@code UPDATE} its state changed,
 *     {@code RELAY} a message of the SME's during the handoff
 */
public record DeskMessage(Kind kind, long escalationId, String text) {

  public enum Kind implements WireName {
    ANNOUNCE, UPDATE, RELAY;
  }

  public DeskMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
