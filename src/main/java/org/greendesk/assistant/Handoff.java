package org.greendesk.assistant;

import java.util.Locale;

/** Whether a person is brought in: not at all, offered to the user, or an escalation created. */
public enum Handoff {
  NONE, OFFERED, CREATED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
