package org.greendesk.stats;

import java.time.Instant;
import java.util.List;

/**
 * The bot's answers and the SMEs' feedback on them, as the figures read them. The conversations own those tables;
 * this is the figures' view of them.
 */
public interface AnswerLog {
  /**
   * What the bot answered in a period and how the SMEs took it.
   *
   * @param unaided answers that offered no person
   * @param offered answers that offered one
   */
  record Counts(int answers, int unaided, int offered, int helpful, int notHelpful) {}

  /** A question the bot could not answer well, as it searched for it, and when. */
  record Asked(String query, Instant at) {}

  /** The counts of answers given, and feedback given, from {@code from} (inclusive) to {@code to} (exclusive). */
  Counts counts(Instant from, Instant to);

  /**
   * The questions answered poorly since {@code since}, newest first: a person offered or called for (not on the
   * SME's own request), or the answer marked not helpful.
   */
  List<Asked> poorlyAnswered(Instant since);
}
