package org.greendesk.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.greendesk.base.DaemonThreads;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Drains the outbox: sends every due message once, in order per recipient, retrying failures with exponential
 * backoff (or as long as the channel asked), and giving up after a number of attempts or on a final error.
 * Different recipients are sent to at once, so one slow chat does not hold up the rest. A bot message to an SME
 * whose conversation an advisor now holds is dropped, not sent: the bot never talks over a person. A row is marked
 * sent right after its channel accepted it.
 *
 * <p>Several senders, in several processes, may drain one database: each recipient's queue is drained by one
 * sender at a time, under a lease (see {@link OutboxQueues}), and the outbox is read a page of queues and a page of
 * messages at a time. Thread safe; one drain at a time per sender.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  /** Messages done with, tagged {@code channel} and {@code result}: sent, or dropped for good. */
  public static final String MESSAGES_OUT = "greendesk.messages.out";
  private static final int MAX_ATTEMPTS = 10;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
  /** Recipients sent to at once: sends wait on the network far more than on this process. */
  private static final int PARALLEL_SENDS = 8;
  /** Queues read at a time, and messages of one queue read at a time. */
  static final int PAGE = 100;
  /**
   * How long a sender may hold a queue; it starts no send after half of it, so that a send in flight ends before
   * another sender may take the queue over (a channel's own timeouts are far shorter).
   */
  private static final Duration LEASE = Duration.ofMinutes(2);
  /** The longest {@link #close} spends sending what is due before it gives up and leaves it for the next start. */
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);

  private final Map<String, CustomerChannel> channels;
  private final AdvisorDesk desk;
  private final LongPredicate advisorHolds;
  private final Reachability reachability;
  private final Clock clock;
  private final Jdbc jdbc;
  private final OutboxQueues queues;
  private final MeterRegistry metrics;
  private final ExecutorService sending = Executors.newFixedThreadPool(PARALLEL_SENDS,
      DaemonThreads.named("greendesk-send"));
  private final AtomicBoolean running = new AtomicBoolean();
  private final Doorbell doorbell;
  private volatile @Nullable Thread loop;

  /**
   * @param advisorHolds whether an advisor holds the conversation with this id right now
   * @param reachability which SMEs blocked the bot, learnt from the channels' refusals
   * @param doorbell the bell the outbox rings when it has written a message
   * @param metrics where messages sent and dropped are counted, per channel
   */
  public OutboxSender(Jdbc jdbc, Map<String, CustomerChannel> channels, AdvisorDesk desk, LongPredicate advisorHolds,
      Reachability reachability, Doorbell doorbell, Clock clock, MeterRegistry metrics) {
    this.doorbell = doorbell;
    this.jdbc = jdbc;
    this.channels = Map.copyOf(channels);
    this.desk = desk;
    this.advisorHolds = advisorHolds;
    this.reachability = reachability;
    this.clock = clock;
    this.metrics = metrics;
    this.queues = new OutboxQueues(jdbc, Stream.concat(channels.keySet().stream(), Stream.of(Outbox.DESK)).toList(),
        "sender-" + UUID.randomUUID(), LEASE);
  }

  /** Sends what is due now; returns how many messages were done with (sent, or dropped for good). */
  public int drainOnce() {
    long deadline = System.nanoTime() + LEASE.toNanos() / 2;
    return drain(() -> System.nanoTime() < deadline);
  }

  /** Drains page by page while {@code goOn} holds; it is asked before each message is sent. */
  private synchronized int drain(BooleanSupplier goOn) {
    Instant now = clock.instant();
    AtomicInteger sent = new AtomicInteger();
    long after = 0;
    List<OutboxQueues.Queue> page;
    do {
      page = queues.due(now, after, PAGE);
      List<Callable<Void>> work = page.stream().<Callable<Void>>map(queue -> () -> {
        sent.addAndGet(drainQueue(queue, now, goOn));
        return null;
      }).toList();
      try {
        for (Future<Void> done : sending.invokeAll(work)) {
          done.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException e) {
        LOG.error("outbox drain failed: {}", e.getCause().toString());
      }
      after = page.isEmpty() ? after : page.get(page.size() - 1).head();
    } while (page.size() == PAGE && goOn.getAsBoolean());
    return sent.get();
  }

  /**
   * Sends a recipient's due messages oldest first, stopping at the first that must wait: the order is kept. Does
   * nothing when another sender holds the queue.
   */
  private int drainQueue(OutboxQueues.Queue queue, Instant now, BooleanSupplier goOn) {
    if (!queues.lease(queue, now)) {
      return 0;
    }
    try {
      int sent = 0;
      long after = 0;
      List<OutboxQueues.Row> rows;
      do {
        rows = queues.rows(queue, after, PAGE);
        for (OutboxQueues.Row row : rows) {
          if (row.due().isAfter(now) || !goOn.getAsBoolean() || !send(row, now)) {
            return sent;
          }
          sent++;
          after = row.id();
        }
      } while (rows.size() == PAGE);
      return sent;
    } finally {
      queues.release(queue);
    }
  }

  /**
   * Drains on a thread of its own until {@link #close}: at once when the doorbell rings, else every
   * {@code poll} for retries that have come due.
   */
  public synchronized void start(Duration poll) {
    if (running.getAndSet(true)) {
      throw new IllegalStateException("already started");
    }
    loop = DaemonThreads.named("greendesk-outbox").newThread(() -> {
      while (running.get()) {
        try {
          // Stops starting sends as soon as close is called: close sends the rest, within its own bound.
          long deadline = System.nanoTime() + LEASE.toNanos() / 2;
          drain(() -> running.get() && System.nanoTime() < deadline);
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

  /**
   * Stops the loop, then sends what is due for up to ten seconds, so that what was decided still goes out; what
   * is left waits in the outbox for the next start.
   */
  @Override
  public void close() throws InterruptedException {
    close(DRAIN_ON_CLOSE);
  }

  /** {@link #close}, sending for at most {@code budget}. */
  public void close(Duration budget) throws InterruptedException {
    // Not an interrupt: that could cut a send short after the channel accepted it but before it was marked sent.
    running.set(false);
    long deadline = System.nanoTime() + budget.toNanos();
    Thread current = loop;
    if (current != null) {
      doorbell.ring();
      current.join(Math.max(1, budget.toMillis()));
    }
    if (current == null || !current.isAlive()) {
      drain(() -> System.nanoTime() < deadline);
    } else {
      LOG.warn("outbox sender still busy after {} ms; what is left is sent at the next start", budget.toMillis());
    }
    sending.shutdown();
  }

  /** True when the row is done with (sent or dropped), false when it waits for a retry. */
  private boolean send(OutboxQueues.Row row, Instant now) {
    // Log lines of the send name the conversation and the channel, never the text.
    MDC.put("channel", row.channel());
    if (row.conversationId() != null) {
      MDC.put("conversation", String.valueOf(row.conversationId()));
    }
    try {
      return deliver(row, now);
    } finally {
      MDC.remove("channel");
      MDC.remove("conversation");
    }
  }

  private boolean deliver(OutboxQueues.Row row, Instant now) {
    if (row.destination().equals(Outbox.SME) && row.author().equals(Outbox.Author.BOT.name())
        && row.conversationId() != null && advisorHolds.test(row.conversationId())) {
      drop(row, "an advisor holds the conversation", now);
      return true;
    }
    if (row.destination().equals(Outbox.SME) && row.conversationId() != null
        && reachability.blocked(row.conversationId())) {
      // Until they write again: each attempt would only meet the same refusal, and count against the bot.
      drop(row, "the SME blocked the bot", now);
      return true;
    }
    try {
      if (row.destination().equals(Outbox.DESK)) {
        desk.deliver(Outbox.JSON.readValue(row.payload(), DeskMessage.class));
      } else {
        channels.get(row.channel()).send(row.recipient(), Outbox.JSON.readValue(row.payload(), OutgoingMessage.class));
      }
      jdbc.update("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?", now, row.id());
      count(row, "sent");
      return true;
    } catch (SendException e) {
      if (e.paced()) {
        jdbc.update("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", now.plus(e.retryAfter().orElseThrow()),
            row.id());
        return false;
      }
      if (e.recipientGone() && row.conversationId() != null) {
        reachability.markBlocked(row.conversationId());
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

  private void retry(OutboxQueues.Row row, String error, @Nullable Duration after, Instant now) {
    Duration wait = after != null ? after : backoff(row.attempts() + 1);
    LOG.info("outbox {} to {} failed (attempt {}), retrying in {} s: {}", row.id(), row.channel(), row.attempts() + 1,
        wait.toSeconds(), error);
    jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
        now.plus(wait), cut(error), row.id());
  }

  private void drop(OutboxQueues.Row row, String why, Instant now) {
    LOG.warn("outbox {} to {} dropped: {}", row.id(), row.channel(), why);
    jdbc.update("UPDATE outbox SET dropped_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ?", now,
        cut(why), row.id());
    count(row, "dropped");
  }

  private void count(OutboxQueues.Row row, String result) {
    Counter.builder(MESSAGES_OUT).description("messages done with by the outbox sender")
        .tag("channel", row.channel()).tag("result", result).register(metrics).increment();
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
