package org.greendesk.handoff;

/** An action on an escalation that its state, or who is asking, does not allow; the message says why. */
public final class HandoffException extends RuntimeException {
  public HandoffException(String message) {
    super(message);
  }
}
