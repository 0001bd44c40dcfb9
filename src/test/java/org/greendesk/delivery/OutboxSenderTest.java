package org.greendesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.greendesk.store.Database;
import org.greendesk.store.Jdbc;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox sender on a real H2 file: paging, leases shared by several senders, and the drain on close. */
class OutboxSenderTest {
  private static final String CHANNEL = "telegram";

  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final List<OutboxSender> senders = new ArrayList<>();
  private Database database;
  private Jdbc jdbc;
  private Outbox outbox;
  private final InMemoryReachability reachability = new InMemoryReachability();

  @BeforeEach
  void open() {
    database = Database.open(null, null, null, data);
    jdbc = database.jdbc();
    outbox = new Outbox(jdbc, new Doorbell());
  }

  @AfterEach
  void close() throws InterruptedException {
    for (OutboxSender sender : senders) {
      sender.close();
    }
    database.close();
  }

  private OutboxSender sender(CustomerChannel channel, Doorbell doorbell) {
    OutboxSender sender = new OutboxSender(jdbc, Map.of(CHANNEL, channel), new RecordingDesk(), conversation -> false,
        reachability, doorbell, clock, metrics);
    senders.add(sender);
    return sender;
  }

  private OutboxSender sender(CustomerChannel channel) {
    return sender(channel, new Doorbell());
  }

  private void write(Outbox to, int chat, int number) {
    to.toSme(chat + 1, CHANNEL, "chat-" + chat, Outbox.Author.BOT, OutgoingMessage.text(String.valueOf(number)),
        clock.instant());
  }

  private int leases() {
    return jdbc.queryOne("SELECT COUNT(*) FROM outbox_leases", row -> row.getInt(1)).orElseThrow();
  }

  @Test
  void should_send_every_chat_in_order_when_there_are_more_chats_than_a_page() {
    int chats = 2 * OutboxSender.PAGE + 30;
    SharedLog log = new SharedLog(chats * 2);
    for (int number = 0; number < 2; number++) {
      for (int chat = 0; chat < chats; chat++) {
        write(outbox, chat, number);
      }
    }

    int sent = sender(log.channel(CHANNEL)).drainOnce();

    assertThat(sent).isEqualTo(chats * 2);
    log.assertEachOnceInOrder(chats, 2);
    assertThat(leases()).isZero();
  }

  @Test
  void should_mark_an_sme_who_blocked_the_bot_and_send_them_nothing_more() {
    // given a channel that says the SME of conversation 1 blocked the bot
    RecordingChannel channel = new RecordingChannel(CHANNEL)
        .failNext(SendException.recipientGone("the user blocked the bot"));
    write(outbox, 0, 1);
    write(outbox, 0, 2);

    // when
    sender(channel).drainOnce();

    // then the conversations are told, and the next message is not even tried
    assertThat(reachability.blocked(1)).isTrue();
    assertThat(channel.sent()).isEmpty();
  }

  @Test
  void should_send_a_long_queue_in_order_a_page_at_a_time() {
    int messages = 2 * OutboxSender.PAGE + 30;
    SharedLog log = new SharedLog(messages);
    for (int number = 0; number < messages; number++) {
      write(outbox, 0, number);
    }

    sender(log.channel(CHANNEL)).drainOnce();

    log.assertEachOnceInOrder(1, messages);
  }

  @Test
  void should_leave_a_chat_alone_while_another_sender_holds_it_and_take_it_over_once_its_lease_ran_out() {
    SharedLog log = new SharedLog(2);
    write(outbox, 0, 0);
    write(outbox, 1, 0);
    OutboxQueues other = new OutboxQueues(jdbc, List.of(CHANNEL), "another-instance", Duration.ofMinutes(2));
    OutboxQueues.Queue held = other.due(clock.instant(), 0, 10).get(0);
    assertThat(other.lease(held, clock.instant())).isTrue();
    OutboxSender sender = sender(log.channel(CHANNEL));

    sender.drainOnce();
    List<String> whileHeld = log.lines();
    clock.advance(Duration.ofMinutes(3)); // the other instance stopped without giving the chat back
    sender.drainOnce();

    assertThat(whileHeld).containsExactly("chat-1 0");
    assertThat(log.lines()).containsExactly("chat-1 0", "chat-0 0");
    assertThat(other.lease(held, clock.instant())).as("the lease is free again").isTrue();
  }

  @Test
  void should_send_each_message_once_and_in_order_when_two_senders_drain_one_outbox() throws Exception {
    int chats = 120;
    int perChat = 10;
    SharedLog log = new SharedLog(chats * perChat);
    List<Thread> writers = new ArrayList<>();
    for (int instance = 0; instance < 2; instance++) {
      Doorbell doorbell = new Doorbell();
      Outbox own = new Outbox(jdbc, doorbell);
      sender(log.channel(CHANNEL), doorbell).start(Duration.ofMillis(50));
      int first = instance;
      writers.add(new Thread(() -> {
        for (int number = 0; number < perChat; number++) {
          for (int chat = first; chat < chats; chat += 2) {
            write(own, chat, number);
          }
        }
      }));
    }

    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }

    assertThat(log.await(Duration.ofMinutes(2))).as("all sent").isTrue();
    for (OutboxSender sender : senders) {
      sender.close();
    }
    log.assertEachOnceInOrder(chats, perChat);
    assertThat(senders.get(0).pending()).isZero();
    assertThat(leases()).isZero();
    assertThat(metrics.get(OutboxSender.MESSAGES_OUT).tag("result", "sent").counter().count())
        .isEqualTo(chats * perChat);
  }

  @Test
  void should_send_a_message_written_just_before_close() throws InterruptedException {
    SharedLog log = new SharedLog(1);
    OutboxSender sender = sender(log.channel(CHANNEL));
    sender.start(Duration.ofHours(1));

    write(outbox, 0, 0);
    sender.close();

    assertThat(log.lines()).containsExactly("chat-0 0");
    assertThat(sender.pending()).isZero();
  }

  @Test
  void should_stop_sending_when_the_close_budget_is_spent_and_leave_the_rest_for_the_next_start()
      throws InterruptedException {
    int messages = 50;
    SharedLog log = new SharedLog(messages);
    CustomerChannel recording = log.channel(CHANNEL);
    CustomerChannel slow = new CustomerChannel() {
      @Override
      public String name() {
        return CHANNEL;
      }

      @Override
      public void send(String chatId, OutgoingMessage message) throws SendException {
        LockSupport.parkNanos(Duration.ofMillis(40).toNanos()); // a slow network
        recording.send(chatId, message);
      }
    };
    for (int number = 0; number < messages; number++) {
      write(outbox, 0, number);
    }
    OutboxSender stopping = sender(slow);

    stopping.close(Duration.ofMillis(200));
    int sentBeforeStop = log.lines().size();
    int left = stopping.pending();
    sender(recording).drainOnce();

    assertThat(sentBeforeStop).isLessThan(messages);
    assertThat(left).isEqualTo(messages - sentBeforeStop);
    log.assertEachOnceInOrder(1, messages);
  }
}
