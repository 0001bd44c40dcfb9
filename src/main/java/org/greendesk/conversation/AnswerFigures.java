package org.greendesk.conversation;

import java.time.Instant;
import java.util.List;
import org.greendesk.stats.AnswerLog;
import org.greendesk.store.Jdbc;

/** The figures' view of the answers and feedback the conversations hold. Portable SQL; thread safe. */
public final class AnswerFigures implements AnswerLog {
  /** Answers that count as a gap: a person offered or called, unless the SME simply asked for one. */
  private static final String GAP = "m.direction = 'out' AND m.author = 'bot' AND m.intent NOT IN ('SMALLTALK', "
      + "'ADVISOR_REQUEST') AND (m.handoff IN ('OFFERED', 'CREATED') OR EXISTS (SELECT 1 FROM feedback f "
      + "WHERE f.message_id = m.id AND f.helpful = FALSE))";

  private final Jdbc jdbc;

  public AnswerFigures(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Counts counts(Instant from, Instant to) {
    int[] answers = jdbc.queryOne("SELECT COUNT(*), SUM(CASE WHEN handoff = 'NONE' THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN handoff = 'OFFERED' THEN 1 ELSE 0 END) FROM messages WHERE direction = 'out' "
        + "AND author = 'bot' AND created_at >= ? AND created_at < ?",
        row -> new int[] {row.getInt(1), row.getInt(2), row.getInt(3)}, from, to).orElseThrow();
    int[] feedback = jdbc.queryOne("SELECT SUM(CASE WHEN helpful THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN helpful = FALSE THEN 1 ELSE 0 END) FROM feedback WHERE created_at >= ? AND created_at < ?",
        row -> new int[] {row.getInt(1), row.getInt(2)}, from, to).orElseThrow();
    return new Counts(answers[0], answers[1], answers[2], feedback[0], feedback[1]);
  }

  @Override
  public List<Asked> poorlyAnswered(Instant since) {
    return jdbc.query("SELECT m.search_query, m.created_at FROM messages m WHERE " + GAP
        + " AND m.created_at >= ? AND m.search_query IS NOT NULL ORDER BY m.created_at DESC, m.id DESC",
        row -> new Asked(row.getString(1), Jdbc.instant(row, "created_at")), since);
  }
}
