package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.Doorbell;
import org.greendesk.delivery.Outbox;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.store.Database;
import org.greendesk.store.Jdbc;
import org.greendesk.store.MutableClock;
import org.greendesk.store.PostgresSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one real PostgreSQL database running their reminders' rounds, and telling the same reload's
 * changes, at the same moment: each SME hears once. Skipped without a test server ({@code GREENDESK_TEST_PG_URL}).
 */
class FollowsPostgresIT {
  private static final int SMES = 20;
  @TempDir Path data;
  @TempDir Path before;
  @TempDir Path after;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final List<Database> databases = new ArrayList<>();
  private PostgresSchema schema;
  private KnowledgeBase served;

  @BeforeEach
  void createSchema() throws Exception {
    schema = PostgresSchema.create();
    served = SmallKnowledge.load(before, "Declarations are due by 31 May.");
  }

  @AfterEach
  void dropSchema() throws Exception {
    threads.shutdownNow();
    databases.forEach(Database::close);
    if (schema != null) {
      schema.close();
    }
  }

  /** An instance: its own pool on the shared schema, its own follows. */
  private Follows instance() {
    Map<String, String> settings = schema.settings(data);
    Database database = Database.open(settings.get("GREENDESK_DB_URL"), settings.get("GREENDESK_DB_USER"),
        settings.get("GREENDESK_DB_PASSWORD"), data);
    databases.add(database);
    Jdbc jdbc = database.jdbc();
    return Follows.on(jdbc, StoredRecipients.on(jdbc), () -> served, new Outbox(jdbc, new Doorbell()),
        ShippedPrompts.messages(), clock,
        List.of());
  }

  private <T> List<T> atOnce(Callable<T> first, Callable<T> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Future<T> a = threads.submit(() -> {
      start.await();
      return first.call();
    });
    Future<T> b = threads.submit(() -> {
      start.await();
      return second.call();
    });
    return List.of(a.get(), b.get());
  }

  @Test
  void should_send_each_reminder_and_change_notice_once_when_two_instances_race() throws Exception {
    Follows one = instance();
    Follows other = instance();
    Jdbc jdbc = databases.get(0).jdbc();
    for (int sme = 1; sme <= SMES; sme++) {
      long chat = new ConversationStore(jdbc, List.of()).conversation("telegram", "c" + sme, null, clock.instant())
          .id();
      one.commands().follow(chat, "events Korea", Optional.empty(), "en");
      one.commands().follow(chat, "CBAM", Optional.empty(), "en");
    }

    List<Integer> reminded = atOnce(() -> one.reminders().run(), () -> other.reminders().run());
    KnowledgeBase old = served;
    served = SmallKnowledge.load(after, "Declarations are due by 30 June.");
    KnowledgeChanges changes = KnowledgeChanges.between(old.documents(), served.documents());
    List<Integer> told = atOnce(() -> one.notices().tell(changes, old, served),
        () -> other.notices().tell(changes, old, served));

    assertThat(reminded.get(0) + reminded.get(1)).isEqualTo(SMES);
    assertThat(told.get(0) + told.get(1)).isEqualTo(SMES);
    assertThat(jdbc.query("SELECT recipient, COUNT(*) FROM outbox GROUP BY recipient",
        row -> row.getInt(2))).hasSize(SMES).containsOnly(2);
  }
}
