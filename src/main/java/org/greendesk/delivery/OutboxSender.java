package org.greendesk.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: sends every due message once, in order per recipient, retrying failures with exponential
 * backoff (or as long as the channel asked), and giving up after a number of attempts or on a final error.
 * A bot message to an SME whose conversation an advisor now holds is dropped, not sent: the bot never talks over
 * a person. A row is marked sent right after its channel accepted it. Thread safe; one drain at a time.
 */
public final class OutboxSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

  private final Jdbc jdbc;
  private final Map<String, CustomerChannel> channels;
  private final AdvisorDesk desk;
  private final LongPredicate advisorHolds;
  private final Clock clock;
  /** The channels this sender serves, as an SQL list: rows for channels run by another process are left alone. */
  private final String served;

  /** @param advisorHolds whether an advisor holds the conversation with this id right now */
  public OutboxSender(Jdbc jdbc, Map<String, CustomerChannel> channels, AdvisorDesk desk, LongPredicate advisorHolds,
      Clock clock) {
    this.jdbc = jdbc;
    this.channels = Map.copyOf(channels);
    this.desk = desk;
    this.advisorHolds = advisorHolds;
    this.clock = clock;
    this.served = Stream.concat(channels.keySet().stream(), Stream.of(Outbox.DESK))
        .map(name -> "'" + name.replace("'", "''") + "'").collect(Collectors.joining(", "));
  }

  private record Row(long id, String destination, String channel, String recipient, @Nullable Long conversationId,
      String author, String payload, int attempts, Instant due) {
    String queue() {
      return destination + "/" + channel + "/" + recipient;
    }
  }

  /** Sends what is due now; returns how many messages were delivered. */
  public synchronized int drainOnce() {
    Instant now = clock.instant();
    List<Row> pending = jdbc.query("SELECT id, destination, channel, recipient, conversation_id, author, payload, "
        + "attempts, next_attempt_at FROM outbox WHERE sent_at IS NULL AND dropped_at IS NULL AND channel IN ("
        + served + ") ORDER BY id",
        row -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
            row.getObject(5) == null ? null : row.getLong(5), row.getString(6), row.getString(7), row.getInt(8),
            Jdbc.instant(row, "next_attempt_at")));
    Set<String> waiting = new HashSet<>();
    int sent = 0;
    for (Row row : pending) {
      if (waiting.contains(row.queue())) {
        continue; // an earlier message to the same recipient is not out yet: keep the order
      }
      if (row.due().isAfter(now)) {
        waiting.add(row.queue());
        continue;
      }
      if (send(row, now)) {
        sent++;
      } else {
        waiting.add(row.queue());
      }
    }
    return sent;
  }

  /** True when the row is done with (sent or dropped), false when it waits for a retry. */
  private boolean send(Row row, Instant now) {
    if (row.destination().equals(Outbox.SME) && row.author().equals(Outbox.Author.BOT.name())
        && row.conversationId() != null && advisorHolds.test(row.conversationId())) {
      drop(row, "an advisor holds the conversation", now);
      return true;
    }
    try {
      if (row.destination().equals(Outbox.DESK)) {
        desk.deliver(Outbox.JSON.readValue(row.payload(), DeskMessage.class));
      } else {
        channels.get(row.channel()).send(row.recipient(), Outbox.JSON.readValue(row.payload(), OutgoingMessage.class));
      }
      jdbc.update("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", now, row.id());
      return true;
    } catch (SendException e) {
      if (e.paced()) {
        jdbc.update("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", now.plus(e.retryAfter().orElseThrow()),
            row.id());
        return false;
      }
      if (e.recipientGone() && row.conversationId() != null) {
        jdbc.update("UPDATE smes SET blocked = TRUE WHERE id = (SELECT sme_id FROM conversations WHERE id = ?)",
            row.conversationId());
      }
      if (!e.retryable() || row.attempts() + 1 >= MAX_ATTEMPTS) {
        drop(row, e.getMessage(), now);
        return true;
      }
      retry(row, e.getMessage(), e.retryAfter().orElse(null), now);
      return false;
    } catch (JsonProcessingException e) {
      drop(row, "unreadable payload: " + e.getOriginalMessage(), now);
      return true;
    }
  }

  private void retry(Row row, String error, @Nullable Duration after, Instant now) {
    Duration wait = after != null ? after : backoff(row.attempts() + 1);
    LOG.info("outbox {} to {} failed (attempt {}), retrying in {} s: {}", row.id(), row.channel(), row.attempts() + 1,
        wait.toSeconds(), error);
    jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
        now.plus(wait), cut(error), row.id());
  }

  private void drop(Row row, String why, Instant now) {
    LOG.warn("outbox {} to {} dropped: {}", row.id(), row.channel(), why);
    jdbc.update("UPDATE outbox SET dropped_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?", now,
        cut(why), row.id());
  }

  /** 1 s, 2 s, 4 s... up to 5 minutes. */
  static Duration backoff(int attempt) {
    long seconds = FIRST_RETRY.toSeconds() << Math.min(attempt - 1, 20);
    return seconds > LONGEST_RETRY.toSeconds() ? LONGEST_RETRY : Duration.ofSeconds(seconds);
  }

  private static String cut(@Nullable String text) {
    String t = text == null ? "" : text;
    return t.length() <= 1000 ? t : t.substring(0, 1000);
  }

  /** Messages still waiting to go out: the outbox depth. */
  public int pending() {
    return jdbc.queryOne("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dropped_at IS NULL",
        row -> row.getInt(1)).orElse(0);
  }
}
