package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.Doorbell;
import org.greendesk.delivery.Outbox;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.store.Database;
import org.greendesk.store.Jdbc;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemindersTest {
  @TempDir Path data;
  @TempDir Path folder;
  /** 27 days before the Korean forum and the grant's deadline (20 December). */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Database database;
  private Jdbc jdbc;
  private Follows follows;

  @BeforeEach
  void open() {
    KnowledgeBase knowledge = SmallKnowledge.load(folder, "Declarations are due by 31 May.");
    database = Database.open(null, null, null, data);
    jdbc = database.jdbc();
    follows = Follows.on(jdbc, StoredRecipients.on(jdbc), () -> knowledge, new Outbox(jdbc, new Doorbell()),
        ShippedPrompts.messages(), clock,
        List.of());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void follow(String chatId, String what) {
    long id = new ConversationStore(jdbc, List.of()).conversation("telegram", chatId, null, clock.instant()).id();
    follows.commands().follow(id, what, Optional.empty(), "en");
  }

  private List<String> outbox(String chatId) {
    return jdbc.query("SELECT payload FROM outbox WHERE recipient = ? ORDER BY id", row -> row.getString(1), chatId);
  }

  @Test
  void should_remind_thirty_days_ahead_until_seven_are_left_and_seven_days_ahead_after() {
    assertThat(Reminders.lead(31)).isEmpty();
    assertThat(Reminders.lead(30)).isEqualTo(OptionalInt.of(30));
    assertThat(Reminders.lead(8)).isEqualTo(OptionalInt.of(30));
    assertThat(Reminders.lead(7)).isEqualTo(OptionalInt.of(7));
    assertThat(Reminders.lead(1)).isEqualTo(OptionalInt.of(7));
    assertThat(Reminders.lead(0)).isEmpty();
  }

  @Test
  void should_remind_a_followed_event_once_per_lead() {
    follow("1", "events Korea");

    int first = follows.reminders().run();
    int again = follows.reminders().run();
    clock.advance(Duration.ofDays(22));
    int week = follows.reminders().run();
    int weekAgain = follows.reminders().run();

    assertThat(first).isOne();
    assertThat(again).isZero();
    assertThat(week).isOne();
    assertThat(weekAgain).isZero();
    assertThat(outbox("1")).satisfiesExactly(
        month -> assertThat(month).contains("Reminder: Korea Green SME Forum is on December 20, 2026, in 27 days.",
            "https://example.org/kr-forum"),
        days -> assertThat(days).contains("in 5 days."));
  }

  @Test
  void should_remind_a_followed_programmes_deadline_in_the_smes_language() {
    follow("1", "green transition grant");
    jdbc.update("UPDATE smes SET language = 'ko'");

    follows.reminders().run();

    assertThat(outbox("1")).singleElement().asString().contains("Korea green transition grant", "27일");
  }

  @Test
  void should_not_remind_an_event_whose_dates_are_only_announced() {
    follow("1", "events Korea");

    follows.reminders().run();

    assertThat(outbox("1")).singleElement().asString().contains("Korea Green SME Forum")
        .doesNotContain("Korea Green Expo");
  }

  @Test
  void should_never_remind_a_blocked_or_forgotten_sme() {
    follow("1", "events Korea");
    follow("2", "events Korea");
    jdbc.update("UPDATE smes SET blocked = TRUE WHERE external_id = '1'");
    jdbc.update("UPDATE smes SET forgotten_at = CURRENT_TIMESTAMP WHERE external_id = '2'");

    assertThat(follows.reminders().run()).isZero();
    assertThat(jdbc.queryOne("SELECT COUNT(*) FROM reminders_sent", row -> row.getInt(1))).contains(0);
  }

  @Test
  void should_remind_a_date_coming_from_another_source_once_with_the_follows() {
    follow("1", "events Korea");
    long sme = jdbc.queryOne("SELECT id FROM smes", row -> row.getLong(1)).orElseThrow();
    Concerns profile = (knowledge, today) -> List.of(new Concerns.Concern(sme,
        new DatedItem("kr-forum@test", "Korea Green SME Forum", LocalDate.of(2026, 12, 20), null)));
    Reminders both = new Reminders(jdbc, follows.store(), StoredRecipients.on(jdbc),
        List.of(new FollowedDates(follows.store()), profile),
        follows.knowledge(), new Outbox(jdbc, new Doorbell()), ShippedPrompts.messages(), clock);

    assertThat(both.run()).isOne();
  }
}
