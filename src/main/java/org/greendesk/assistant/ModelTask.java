package org.greendesk.assistant;

import java.util.Locale;

/** Why the assistant calls a language model. */
public enum ModelTask {
  /** Write the answer from the retrieved passages. */
  ANSWER,
  /** Rewrite a follow-up (or a question in another language) into a standalone English question for the search. */
  REWRITE,
  /** Summarise a conversation for the advisor who takes it over. */
  BRIEF;

  /** The name used in metrics and logs. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
