package org.greendesk.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The outbox seen as one queue per recipient, shared by every sender on the database, in any number of processes:
 * which queues have their oldest message due, a lease that lets one sender at a time drain a queue, and a queue's
 * messages a page at a time. Plain SQL that H2 and PostgreSQL both run. Thread safe.
 */
final class OutboxQueues {
  /** A recipient's queue, named by its oldest pending message. */
  record Queue(String destination, String channel, String recipient, long head) {}

  /** One message waiting to go out. */
  record Row(long id, String destination, String channel, String recipient, @Nullable Long conversationId,
      String author, String payload, int attempts, Instant due) {}

  private static final String PENDING = "sent_at IS NULL AND dropped_at IS NULL";
  private static final String SAME_QUEUE = "destination = ? AND channel = ? AND recipient = ?";

  private final Jdbc jdbc;
  private final String holder;
  private final Duration lease;
  /** The channels served, as an SQL list: rows for channels run by another process are left alone. */
  private final String served;

  /**
   * @param holder this sender's name in the leases, unique among the senders sharing the database
   * @param lease how long a lease lasts: longer than a sender may spend on one queue
   */
  OutboxQueues(Jdbc jdbc, Collection<String> channels, String holder, Duration lease) {
    this.jdbc = jdbc;
    this.holder = holder;
    this.lease = lease;
    this.served = channels.stream().map(name -> "'" + name.replace("'", "''") + "'")
        .collect(Collectors.joining(", "));
  }

  /**
   * Up to {@code limit} queues whose oldest pending message is due, that no other sender holds, oldest first,
   * starting after the queue whose head is {@code after}: a caller pages through them by passing the last head.
   */
  List<Queue> due(Instant now, long after, int limit) {
    return jdbc.query("SELECT o.destination, o.channel, o.recipient, o.id FROM outbox o WHERE o.sent_at IS NULL "
        + "AND o.dropped_at IS NULL AND o.channel IN (" + served + ") AND o.next_attempt_at <= ? AND o.id > ? "
        + "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.destination = o.destination AND p.channel = o.channel "
        + "AND p.recipient = o.recipient AND p.sent_at IS NULL AND p.dropped_at IS NULL AND p.id < o.id) "
        + "AND NOT EXISTS (SELECT 1 FROM outbox_leases l WHERE l.destination = o.destination "
        + "AND l.channel = o.channel AND l.recipient = o.recipient AND l.expires_at > ? AND l.holder <> ?) "
        + "ORDER BY o.id FETCH FIRST " + limit + " ROWS ONLY",
        row -> new Queue(row.getString(1), row.getString(2), row.getString(3), row.getLong(4)),
        now, after, now, holder);
  }

  /**
   * Takes the queue's lease until {@code now} plus the lease time; false when another sender holds it. Two senders
   * asking at once cannot both get it: the insert of a new lease is refused by the key, and the update of an
   * existing one names the lease it expects to replace (run out, or already ours).
   */
  boolean lease(Queue queue, Instant now) {
    try {
      // Leases are given back after each drain, so there is usually none yet: one statement in the common case.
      jdbc.update("INSERT INTO outbox_leases (destination, channel, recipient, holder, expires_at) "
          + "VALUES (?, ?, ?, ?, ?)", queue.destination(), queue.channel(), queue.recipient(), holder,
          now.plus(lease));
      return true;
    } catch (StoreException e) {
      if (!e.isDuplicateKey()) {
        throw e;
      }
    }
    return jdbc.update("UPDATE outbox_leases SET holder = ?, expires_at = ? WHERE " + SAME_QUEUE
        + " AND (expires_at <= ? OR holder = ?)", holder, now.plus(lease), queue.destination(), queue.channel(),
        queue.recipient(), now, holder) == 1;
  }

  /** Gives the lease back, so that any sender may take the queue at once. */
  void release(Queue queue) {
    jdbc.update("DELETE FROM outbox_leases WHERE " + SAME_QUEUE + " AND holder = ?", queue.destination(),
        queue.channel(), queue.recipient(), holder);
  }

  /** Up to {@code limit} of the queue's pending messages after the one with id {@code after}, oldest first. */
  List<Row> rows(Queue queue, long after, int limit) {
    return jdbc.query("SELECT id, destination, channel, recipient, conversation_id, author, payload, attempts, "
        + "next_attempt_at FROM outbox WHERE " + SAME_QUEUE + " AND " + PENDING + " AND id > ? ORDER BY id "
        + "FETCH FIRST " + limit + " ROWS ONLY", OutboxQueues::row, queue.destination(), queue.channel(),
        queue.recipient(), after);
  }

  private static Row row(ResultSet row) throws SQLException {
    return new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
        row.getObject(5) == null ? null : row.getLong(5), row.getString(6), row.getString(7), row.getInt(8),
        Jdbc.instant(row, "next_attempt_at"));
  }
}
