package org.greendesk.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/** Escalations, their events and advisors, in the database. Thread safe. */
public final class EscalationStore {
  private static final String COLUMNS = "id, conversation_id, state, reason, question, topic, economies, cited, "
      + "suggested_advisor_id, advisor_id, created_at, claimed_at, closed_at, overdue, version";
  private final Jdbc jdbc;

  public EscalationStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Removes what the SME said from the conversation's escalations; they stay, for the figures. */
  public void forget(long conversationId) {
    jdbc.update("UPDATE escalations SET question = '(deleted at the SME''s request)', summary = NULL "
        + "WHERE conversation_id = ?", conversationId);
  }

  long create(long conversationId, String reason, String question, String topic, List<String> economies,
      List<String> cited, @Nullable Long suggestedAdvisorId, @Nullable String summary, Instant now) {
    return jdbc.insert("INSERT INTO escalations (conversation_id, state, reason, question, topic, economies, cited, "
            + "suggested_advisor_id, summary, created_at, announced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        conversationId, EscalationState.QUEUED.name(), cut(reason, 512), question, topic, String.join(",", economies),
        String.join(",", cited), suggestedAdvisorId, summary == null ? null : cut(summary, 4000), now, now);
  }

  /** The language model's summary of the conversation, when one was written. */
  Optional<String> summary(long escalationId) {
    return jdbc.queryOne("SELECT summary FROM escalations WHERE id = ?", row -> row.getString(1), escalationId)
        .filter(summary -> !summary.isBlank());
  }

  /** How many escalations are in the state now. */
  public int count(EscalationState state) {
    return jdbc.queryOne("SELECT COUNT(*) FROM escalations WHERE state = ?", row -> row.getInt(1), state.name())
        .orElse(0);
  }

  public Optional<Escalation> find(long id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM escalations WHERE id = ?", EscalationStore::escalation, id);
  }

  /** The conversation's open escalation, if it has one (there is at most one). */
  public Optional<Escalation> openFor(long conversationId) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM escalations WHERE conversation_id = ? AND state IN (?, ?) "
        + "ORDER BY id DESC", EscalationStore::escalation, conversationId, EscalationState.QUEUED.name(),
        EscalationState.CLAIMED.name());
  }

  /** The conversation's last escalation if it was resolved and the SME has not rated it yet. */
  public Optional<Escalation> awaitingRating(long conversationId) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM escalations WHERE id = (SELECT MAX(id) FROM escalations "
        + "WHERE conversation_id = ?) AND state = ? AND rating IS NULL", EscalationStore::escalation, conversationId,
        EscalationState.RESOLVED.name());
  }

  /** Open escalations, oldest first. */
  public List<Escalation> open() {
    return jdbc.query("SELECT " + COLUMNS + " FROM escalations WHERE state IN (?, ?) ORDER BY created_at, id",
        EscalationStore::escalation, EscalationState.QUEUED.name(), EscalationState.CLAIMED.name());
  }

  /** Queued escalations created before the cut-off and not yet flagged overdue. */
  List<Escalation> queuedSince(Instant cutoff) {
    return jdbc.query("SELECT " + COLUMNS + " FROM escalations WHERE state = ? AND overdue = FALSE AND created_at < ? "
        + "ORDER BY id", EscalationStore::escalation, EscalationState.QUEUED.name(), cutoff);
  }

  /**
   * Moves an escalation if nobody changed it since {@code expected} was read.
   *
   * @return false when it changed in between (another advisor was faster)
   */
  boolean move(Escalation expected, EscalationState to, @Nullable Long advisorId, Instant now) {
    String stamp = to.isOpen() ? "claimed_at = ?" : "closed_at = ?";
    Object stampValue = to == EscalationState.QUEUED ? null : now;
    return jdbc.update("UPDATE escalations SET state = ?, advisor_id = ?, " + stamp + ", version = version + 1 "
        + "WHERE id = ? AND version = ?", to.name(), advisorId, stampValue, expected.id(), expected.version()) == 1;
  }

  void flagOverdue(long id, Instant now) {
    jdbc.update("UPDATE escalations SET overdue = TRUE, announced_at = ?, version = version + 1 WHERE id = ?", now, id);
  }

  void rate(long id, int rating) {
    jdbc.update("UPDATE escalations SET rating = ? WHERE id = ?", rating, id);
  }

  void event(long escalationId, @Nullable EscalationState from, EscalationState to, String actor,
      @Nullable String note, Instant now) {
    jdbc.insert("INSERT INTO escalation_events (escalation_id, from_state, to_state, actor, note, at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", escalationId, from == null ? null : from.name(), to.name(), cut(actor, 256),
        note == null ? null : cut(note, 1000), now);
  }

  /** The states an escalation went through, oldest first, as "from->to by actor". */
  public List<String> history(long escalationId) {
    return jdbc.query("SELECT from_state, to_state, actor FROM escalation_events WHERE escalation_id = ? ORDER BY id",
        row -> (row.getString(1) == null ? "" : row.getString(1).toLowerCase() + "->")
            + row.getString(2).toLowerCase() + " by " + row.getString(3), escalationId);
  }

  public long addAdvisor(String userId, String name, List<String> topics, List<String> economies) {
    return jdbc.insert("INSERT INTO advisors (slack_user_id, name, topics, economies) VALUES (?, ?, ?, ?)", userId,
        name, String.join(",", topics), String.join(",", economies));
  }

  public Optional<Advisor> advisor(String userId) {
    return jdbc.queryOne("SELECT id, slack_user_id, name, topics, economies, active FROM advisors "
        + "WHERE slack_user_id = ?", EscalationStore::advisor, userId);
  }

  public Optional<Advisor> advisor(long id) {
    return jdbc.queryOne("SELECT id, slack_user_id, name, topics, economies, active FROM advisors WHERE id = ?",
        EscalationStore::advisor, id);
  }

  /** Active advisors with how many open escalations each holds or is suggested for. */
  List<AdvisorLoad> activeAdvisors() {
    return jdbc.query("SELECT a.id, a.slack_user_id, a.name, a.topics, a.economies, a.active, "
        + "(SELECT COUNT(*) FROM escalations e WHERE e.state IN ('QUEUED', 'CLAIMED') "
        + "AND COALESCE(e.advisor_id, e.suggested_advisor_id) = a.id) AS load "
        + "FROM advisors a WHERE a.active = TRUE ORDER BY a.id", row -> new AdvisorLoad(advisor(row), row.getInt("load")));
  }

  record AdvisorLoad(Advisor advisor, int openCases) {}

  private static Advisor advisor(ResultSet row) throws SQLException {
    return new Advisor(row.getLong("id"), row.getString("slack_user_id"), row.getString("name"),
        list(row.getString("topics")), list(row.getString("economies")), row.getBoolean("active"));
  }

  private static Escalation escalation(ResultSet row) throws SQLException {
    return new Escalation(row.getLong("id"), row.getLong("conversation_id"),
        EscalationState.valueOf(row.getString("state")), row.getString("reason"), row.getString("question"),
        row.getString("topic") == null ? "" : row.getString("topic"), list(row.getString("economies")),
        list(row.getString("cited")), nullableLong(row, "suggested_advisor_id"), nullableLong(row, "advisor_id"),
        Jdbc.instant(row, "created_at"), Jdbc.instant(row, "claimed_at"), Jdbc.instant(row, "closed_at"),
        row.getBoolean("overdue"), row.getInt("version"));
  }

  private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  static List<String> list(@Nullable String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
