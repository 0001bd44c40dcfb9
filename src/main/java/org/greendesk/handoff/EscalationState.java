package org.greendesk.handoff;

import java.util.Locale;

/** Where an escalation stands. Open while queued or claimed; the bot does not answer while it is claimed. */
public enum EscalationState {
  QUEUED, CLAIMED, RESOLVED, RETURNED;

  public boolean isOpen() {
    return this == QUEUED || this == CLAIMED;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What can be done to an escalation, and the single state each action is allowed from. */
  public enum Action {
    CLAIM(QUEUED, CLAIMED),
    RELEASE(CLAIMED, QUEUED),
    RESOLVE(CLAIMED, RESOLVED),
    RETURN(CLAIMED, RETURNED),
    CANCEL(QUEUED, RETURNED);

    private final EscalationState from;
    private final EscalationState to;

    Action(EscalationState from, EscalationState to) {
      this.from = from;
      this.to = to;
    }

    public EscalationState from() {
      return from;
    }

    public EscalationState to() {
      return to;
    }
  }
}
