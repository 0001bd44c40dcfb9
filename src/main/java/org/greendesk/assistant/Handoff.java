package org.greendesk.assistant;

import org.greendesk.base.WireName;

/** Whether a person is brought in: not at all, offered to the user, or an escalation created. */
public enum Handoff implements WireName {
  NONE, OFFERED, CREATED;
}
