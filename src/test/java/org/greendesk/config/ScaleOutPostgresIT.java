package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.Doorbell;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.delivery.RecordingChannel;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.delivery.SharedLog;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.HandoffException;
import org.greendesk.store.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances of the service on one real PostgreSQL database, as behind a load balancer: each instance is
 * its own {@link DeskServices} (its own pool, desk and outbox sender) on a fresh schema. Skipped without a test
 * server ({@code GREENDESK_TEST_PG_URL}).
 */
class ScaleOutPostgresIT {
  @TempDir Path data;
  private PostgresSchema schema;
  private final List<DeskServices> instances = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @BeforeEach
  void createSchema() throws SQLException {
    schema = PostgresSchema.create();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    threads.shutdownNow();
    instances.forEach(DeskServices::close);
    if (schema != null) {
      schema.close();
    }
  }

  private DeskServices instance(CustomerChannel channel, AdvisorDesk desk) {
    DeskServices services = DeskServices.withDesk(Settings.from(schema.settings(data)), TestDesk.get().assistant(),
        Map.of(channel.name(), channel), desk, Clock.systemUTC());
    instances.add(services);
    return services;
  }

  @Test
  void should_migrate_an_empty_database_once_when_two_instances_open_it() {
    DeskServices first = instance(new RecordingChannel("telegram"), new RecordingDesk());
    instance(new RecordingChannel("telegram"), new RecordingDesk());

    List<String> applied = first.database().jdbc().query("SELECT version FROM flyway_schema_history "
        + "WHERE success ORDER BY installed_rank", row -> row.getString(1));
    assertThat(applied).doesNotHaveDuplicates().contains("1", "6");
    assertThat(first.database().jdbc().queryOne("SELECT COUNT(*) FROM outbox_leases", row -> row.getInt(1)))
        .contains(0);
  }

  @Test
  void should_let_one_of_two_instances_claim_an_escalation_and_relay_the_conversation_through_either()
      throws Exception {
    RecordingChannel telegram = new RecordingChannel("telegram");
    RecordingDesk advisors = new RecordingDesk();
    DeskServices a = instance(telegram, advisors);
    DeskServices b = instance(telegram, advisors);
    a.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    a.escalations().addAdvisor("lee", "Lee", List.of(), List.of());
    int cases = 20;
    for (int chat = 0; chat < cases; chat++) {
      a.desk().receive(new InboundMessage("telegram", "chat-" + chat, "Minh", "I want to talk to a person", "m1"));
    }
    List<Escalation> queued = b.escalations().open();
    assertThat(queued).hasSize(cases);

    for (Escalation escalation : queued) {
      CyclicBarrier together = new CyclicBarrier(2);
      Future<Boolean> kim = threads.submit(claim(a, escalation.id(), "kim", together));
      Future<Boolean> lee = threads.submit(claim(b, escalation.id(), "lee", together));
      assertThat(kim.get() ^ lee.get()).as("exactly one claim of escalation %d wins", escalation.id()).isTrue();
    }
    Escalation first = a.escalations().find(queued.get(0).id()).orElseThrow();
    String holder = first.advisorId() == a.escalations().advisor("kim").orElseThrow().id() ? "kim" : "lee";
    b.handoffs().reply(first.id(), holder, "Hello Minh, let me look.");
    Desk.Outcome relayed = a.desk().receive(new InboundMessage("telegram", telegramChat(a, first), "Minh",
        "Thank you", "m2"));
    a.handoffs().resolve(first.id(), holder);
    a.sender().drainOnce();
    b.sender().drainOnce();

    assertThat(relayed).isEqualTo(Desk.Outcome.RELAYED);
    assertThat(b.escalations().find(first.id()).orElseThrow().state()).isEqualTo(EscalationState.RESOLVED);
    assertThat(telegram.texts(telegramChat(a, first))).anySatisfy(t -> assertThat(t).contains("let me look"));
    assertThat(advisors.relayed(first.id())).containsExactly("Minh: Thank you");
    assertThat(a.escalations().history(first.id())).isNotEmpty();
  }

  private static String telegramChat(DeskServices services, Escalation escalation) {
    return services.database().jdbc().queryOne("SELECT chat_id FROM conversations WHERE id = ?",
        row -> row.getString(1), escalation.conversationId()).orElseThrow();
  }

  private static Callable<Boolean> claim(DeskServices instance, long id, String advisor, CyclicBarrier together) {
    return () -> {
      together.await();
      try {
        instance.handoffs().claim(id, advisor);
        return true;
      } catch (HandoffException e) {
        return false;
      }
    };
  }

  @Test
  void should_send_each_message_once_and_in_order_when_two_instances_drain_one_outbox() throws Exception {
    int chats = 200;
    int perChat = 15;
    SharedLog log = new SharedLog(chats * perChat);
    List<Future<?>> writers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DeskServices instance = instance(log.channel("telegram"), new RecordingDesk());
      instance.sender().start(Duration.ofMillis(50));
      int first = i;
      Outbox outbox = new Outbox(instance.database().jdbc(), new Doorbell());
      writers.add(threads.submit(() -> {
        for (int number = 0; number < perChat; number++) {
          for (int chat = first; chat < chats; chat += 2) {
            long conversation = instance.conversations().conversation("telegram", "chat-" + chat, null,
                Instant.now()).id();
            outbox.toSme(conversation, "telegram", "chat-" + chat, Outbox.Author.SYSTEM,
                OutgoingMessage.text(String.valueOf(number)), Instant.now());
          }
        }
      }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }

    assertThat(log.await(Duration.ofMinutes(3))).as("all %d messages sent", chats * perChat).isTrue();
    instances.forEach(DeskServices::close);
    instances.clear();

    log.assertEachOnceInOrder(chats, perChat);
  }
}
