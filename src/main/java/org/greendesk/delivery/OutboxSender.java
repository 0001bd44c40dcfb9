package org.greendesk.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Different recipients are sent to at once, so one slow chat does not hold up the rest. A bot message to an SME
 * whose conversation an advisor now holds is dropped, not sent: the bot never talks over a person. A row is marked
 * sent right after its channel accepted it. Thread safe; one drain at a time.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
  /** Recipients sent to at once: sends wait on the network far more than on this process. */
  private static final int PARALLEL_SENDS = 8;

  private final Jdbc jdbc;
  private final Map<String, CustomerChannel> channels;
  private final AdvisorDesk desk;
  private final LongPredicate advisorHolds;
  private final Clock clock;
  /** The channels this sender serves, as an SQL list: rows for channels run by another process are left alone. */
  private final String served;
  private final ExecutorService sending = Executors.newFixedThreadPool(PARALLEL_SENDS, daemon("greendesk-send"));
  private final AtomicBoolean running = new AtomicBoolean();
  private final Doorbell doorbell;
  private volatile @Nullable Thread loop;

  /**
   * @param advisorHolds whether an advisor holds the conversation with this id right now
   * @param doorbell the bell the outbox rings when it has written a message
   */
  public OutboxSender(Jdbc jdbc, Map<String, CustomerChannel> channels, AdvisorDesk desk, LongPredicate advisorHolds,
      Doorbell doorbell, Clock clock) {
    this.doorbell = doorbell;
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
    Map<String, List<Row>> queues = new LinkedHashMap<>();
    pending.forEach(row -> queues.computeIfAbsent(row.queue(), q -> new ArrayList<>()).add(row));
    AtomicInteger sent = new AtomicInteger();
    List<Callable<Void>> work = queues.values().stream().<Callable<Void>>map(queue -> () -> {
      sent.addAndGet(sendInOrder(queue, now));
      return null;
    }).toList();
    try {
      for (Future<Void> done : sending.invokeAll(work)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.error("outbox drain failed: {}", e.getCause().toString());
    }
    return sent.get();
  }

  /** Sends a recipient's due messages oldest first, stopping at the first that must wait: the order is kept. */
  private int sendInOrder(List<Row> queue, Instant now) {
    int sent = 0;
    for (Row row : queue) {
      if (row.due().isAfter(now) || !send(row, now)) {
        break;
      }
      sent++;
    }
    return sent;
  }

  /**
   * Drains on a thread of its own until {@link #close}: at once when the doorbell rings, else every
   * {@code poll} for retries that have come due.
   */
  public synchronized void start(Duration poll) {
    if (running.getAndSet(true)) {
      throw new IllegalStateException("already started");
    }
    loop = daemon("greendesk-outbox").newThread(() -> {
      while (running.get()) {
        try {
          drainOnce();
          doorbell.await(poll);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.error("outbox drain failed: {}", e.toString());
        }
      }
    });
    loop.start();
  }

  /** Stops the loop after its current drain, then drains once more so that what was decided still goes out. */
  @Override
  public void close() throws InterruptedException {
    // Not an interrupt: that could cut a send short after the channel accepted it but before it was marked sent.
    running.set(false);
    Thread current = loop;
    if (current != null) {
      doorbell.ring();
      current.join(TimeUnit.SECONDS.toMillis(15));
    }
    drainOnce();
    sending.shutdown();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
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
