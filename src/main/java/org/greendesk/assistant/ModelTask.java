package org.greendesk.assistant;

import org.greendesk.base.WireName;

/** Why the assistant calls a language model. */
public enum ModelTask implements WireName {
  /** Write the answer from the retrieved passages. */
  ANSWER,
  /** Rewrite a follow-up (or a question in another language) into a standalone English question for the search. */
  REWRITE,
  /** Summarise a conversation for the advisor who takes it over. */
  BRIEF;
}
