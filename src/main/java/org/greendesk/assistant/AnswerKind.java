package org.greendesk.assistant;

import java.util.Locale;
import java.util.Set;

/** The kind of fact a question asks for, which decides the sentences that can answer it. */
public enum AnswerKind {
  /** A date, a deadline, since or until when. */
  DATE,
  /** An amount of money, a rate, a price, a fee, a percentage. */
  AMOUNT,
  /** A quantity with its unit: "what is the threshold?", "how big must a site be?". */
  THRESHOLD,
  /**
   * Whether a rule applies to the asker: "does it apply to us?", "are we exempt?". Answered by a threshold, or by
   * a sentence that says who is covered, exempt or not required.
   */
  APPLIES,
  /** Who to ask or where: an organisation, a portal, a link. */
  CONTACT,
  /** What to do, in order: how to apply, how to register. */
  STEPS,
  /** Which documents, data or information are needed. */
  DOCUMENTS,
  /** What something is. */
  DEFINITION,
  /** Nothing in particular. */
  GENERAL;

  /** The name of its list of cue phrases in the routing policy: {@code asks_date}, ... */
  String cues() {
    return "asks_" + name().toLowerCase(Locale.ROOT);
  }

  /**
   * True when a sentence carrying these kinds can answer this kind: an amount and a quantity answer each other
   * ("how much CO2 per litre" wants kilograms; a turnover threshold is an amount).
   */
  boolean answeredBy(Set<AnswerKind> carried) {
    return carried.contains(this) || (this == AMOUNT && carried.contains(THRESHOLD))
        || (this == THRESHOLD && carried.contains(AMOUNT)) || (this == APPLIES && carried.contains(THRESHOLD));
  }

  /** It asks for a particular fact, not for what something is or for nothing in particular. */
  boolean specific() {
    return this != DEFINITION && this != GENERAL;
  }

  /**
   * Kinds whose absence from the sources can be told by the form of the sentences: a date, an amount, a
   * threshold. (Who to contact is often a whole document, a research centre's, not a sentence's form.)
   */
  boolean checkable() {
    return this == DATE || this == AMOUNT || this == THRESHOLD;
  }
}
