package org.greendesk.handoff;

import org.greendesk.base.WireName;

/** Where an escalation stands. Open while queued or claimed; the bot does not answer while it is claimed. */
public enum EscalationState implements WireName {
  QUEUED, CLAIMED, RESOLVED, RETURNED;

  public boolean isOpen() {
    return this == QUEUED || this == CLAIMED;
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
