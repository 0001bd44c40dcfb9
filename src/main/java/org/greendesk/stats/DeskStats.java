package org.greendesk.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/**
 * Reads the desk's figures and its knowledge gaps: the answers and feedback through the conversations'
 * {@link AnswerLog}, the escalations from their tables. Portable SQL (H2 and PostgreSQL); medians are taken here,
 * not in the database. Thread safe.
 */
public final class DeskStats {
  private final Jdbc jdbc;
  private final AnswerLog answers;

  public DeskStats(Jdbc jdbc, AnswerLog answers) {
    this.jdbc = jdbc;
    this.answers = answers;
  }

  /** Followers and follows now; change notices and reminders sent in the period. */
  public FollowFigures follows(Period period) {
    int[] follows = jdbc.queryOne("SELECT COUNT(DISTINCT sme_id), COUNT(*) FROM follows",
        row -> new int[] {row.getInt(1), row.getInt(2)}).orElseThrow();
    int notices = jdbc.queryOne("SELECT COUNT(*) FROM change_notices_sent WHERE sent_at >= ? AND sent_at < ?",
        row -> row.getInt(1), period.from(), period.to()).orElseThrow();
    int reminders = jdbc.queryOne("SELECT COUNT(*) FROM reminders_sent WHERE sent_at >= ? AND sent_at < ?",
        row -> row.getInt(1), period.from(), period.to()).orElseThrow();
    return new FollowFigures(period, follows[0], follows[1], notices, reminders);
  }

  public DeskFigures figures(Period period) {
    Instant from = period.from();
    Instant to = period.to();
    AnswerLog.Counts counts = answers.counts(from, to);
    List<Integer> ratings = jdbc.query("SELECT rating FROM escalations WHERE rating IS NOT NULL AND closed_at >= ? "
        + "AND closed_at < ?", row -> row.getInt(1), from, to);
    List<Timing> timings = jdbc.query("SELECT e.created_at, (SELECT MIN(v.at) FROM escalation_events v "
        + "WHERE v.escalation_id = e.id AND v.to_state = 'CLAIMED') AS first_claim, e.state, e.closed_at "
        + "FROM escalations e WHERE e.created_at >= ? AND e.created_at < ?", row -> new Timing(
            Jdbc.instant(row, "created_at"), Jdbc.instant(row, "first_claim"),
            "RESOLVED".equals(row.getString("state")) ? Jdbc.instant(row, "closed_at") : null), from, to);
    List<Duration> toClaim = new ArrayList<>();
    List<Duration> toResolve = new ArrayList<>();
    for (Timing t : timings) {
      if (t.firstClaim() != null) {
        toClaim.add(Duration.between(t.opened(), t.firstClaim()));
      }
      if (t.resolved() != null) {
        toResolve.add(Duration.between(t.opened(), t.resolved()));
      }
    }
    Double average = ratings.isEmpty() ? null : ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
    return new DeskFigures(period, counts.answers(), counts.unaided(), counts.offered(), timings.size(),
        counts.helpful(), counts.notHelpful(), ratings.size(), average, median(toClaim), median(toResolve));
  }

  private record Timing(Instant opened, @Nullable Instant firstClaim, @Nullable Instant resolved) {}

  /** The middle value; the mean of the two middle ones for an even count; {@code null} for none. */
  static @Nullable Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  /**
   * The questions the bot could not answer well since {@code since}: a person offered or called for (not on the
   * SME's own request), or the answer marked not helpful; grouped, most asked first.
   *
   * @param limit how many groups at most
   */
  public List<KnowledgeGap> gaps(Instant since, int limit) {
    List<KnowledgeGap> groups = GapGrouping.group(answers.poorlyAnswered(since));
    return groups.size() <= limit ? groups : groups.subList(0, limit);
  }
}
