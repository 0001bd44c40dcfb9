package org.greendesk.knowledge;

/** What a passage holds, which decides how an answer may use it. */
public enum PassageKind {
  /** Facts in force, quoted sentence by sentence. */
  TEXT,
  /** Superseded dates and rules, from a "History" section: quoted only when a question asks about the past. */
  HISTORY,
  /** One curated pair of a "Questions" section: its answer is given whole, never cut or mixed with others. */
  QUESTION
}
