package org.greendesk.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.greendesk.store.Jdbc;

/**
 * The follows of SMEs in the database, and where to reach a follower. An SME is named by a conversation of theirs
 * for the commands, by their id for the notices. Thread safe.
 */
public final class FollowStore {
  private static final String SME_OF = "(SELECT sme_id FROM conversations WHERE id = ?)";
  private final Jdbc jdbc;

  public FollowStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }


  /**
   * Adds the follow; false when the SME follows it already. Looked up before it is written rather than caught as a
   * duplicate: it runs inside the command's transaction, which a failed statement would spoil on PostgreSQL.
   */
  public boolean add(long conversationId, Follow follow, Instant now) {
    if (jdbc.queryOne("SELECT 1 FROM follows WHERE sme_id = " + SME_OF + " AND kind = ? AND target = ?",
        row -> row.getInt(1), conversationId, follow.kind().wire(), follow.target()).isPresent()) {
      return false;
    }
    jdbc.insert("INSERT INTO follows (sme_id, kind, target, label, created_at) VALUES (" + SME_OF + ", ?, ?, ?, ?)",
        conversationId, follow.kind().wire(), follow.target(), follow.label(), now);
    return true;
  }

  /** Stops the follow; false when the SME did not follow it. */
  public boolean remove(long conversationId, Follow follow) {
    return jdbc.update("DELETE FROM follows WHERE sme_id = " + SME_OF + " AND kind = ? AND target = ?",
        conversationId, follow.kind().wire(), follow.target()) > 0;
  }

  /** The SME's follows, oldest first. */
  public List<Follow> of(long conversationId) {
    return jdbc.query("SELECT kind, target, label FROM follows WHERE sme_id = " + SME_OF + " ORDER BY id",
        row -> new Follow(Follow.Kind.fromWire(row.getString(1)), row.getString(2), row.getString(3)),
        conversationId);
  }

  /** Every follow, by SME, oldest first: what the reminders look through. */
  public List<Followed> all() {
    return jdbc.query("SELECT sme_id, kind, target, label FROM follows ORDER BY sme_id, id",
        row -> new Followed(row.getLong(1), new Follow(Follow.Kind.fromWire(row.getString(2)), row.getString(3),
            row.getString(4))));
  }

  /** A follow and whose it is. */
  public record Followed(long smeId, Follow follow) {}

  /** The SMEs following any of these, each once, in id order. */
  public List<Long> followers(Collection<Follow> any) {
    if (any.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    for (Follow f : any) {
      clauses.add("(kind = ? AND target = ?)");
      params.add(f.kind().wire());
      params.add(f.target());
    }
    return jdbc.query("SELECT DISTINCT sme_id FROM follows WHERE " + String.join(" OR ", clauses)
        + " ORDER BY sme_id", row -> row.getLong(1), params.toArray());
  }

  /** Deletes the SME's follows and the record of what they were sent, as {@code /forget} asks. */
  public void forget(long conversationId) {
    jdbc.inTransaction(() -> {
      for (String table : List.of("follows", "change_notices_sent", "reminders_sent")) {
        jdbc.update("DELETE FROM " + table + " WHERE sme_id = " + SME_OF, conversationId);
      }
      return null;
    });
  }

  /** Followers (SMEs following anything) and follows now. */
  public record Figures(int followers, int follows) {}

  public Figures figures() {
    return jdbc.queryOne("SELECT COUNT(DISTINCT sme_id), COUNT(*) FROM follows",
        row -> new Figures(row.getInt(1), row.getInt(2))).orElse(new Figures(0, 0));
  }
}
