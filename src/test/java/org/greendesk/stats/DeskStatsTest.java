package org.greendesk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Intent;
import org.greendesk.assistant.Turn;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.conversation.AnswerFigures;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.Handoffs;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures and knowledge gaps read from a real H2 database that the desk's own stores filled. */
class DeskStatsTest {
  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;
  private DeskStats stats;
  private int chats;

  @BeforeEach
  void open() {
    services = DeskServices.handoffsOnly(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())), clock);
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    stats = new DeskStats(services.database().jdbc(), new AnswerFigures(services.database().jdbc()));
  }

  @AfterEach
  void close() {
    services.close();
  }

  /** A new conversation in which the bot answered the question as given; returns the conversation id. */
  private long asked(String question, Handoff handoff, Intent intent) {
    long conversation = services.conversations().conversation("telegram", String.valueOf(++chats), "SME",
        clock.instant()).id();
    services.conversations().storeAnswer(conversation, new Turn(question, new Answer(question, "an answer",
        List.of(), handoff == Handoff.NONE ? 0.9 : 0.4, intent, handoff, "why"), Set.of()), clock.instant());
    return conversation;
  }

  private Escalation escalate(long conversation) {
    return services.handoffs().open(new Handoffs.Request(conversation, "asked for a person", "help", "funding",
        List.of(), List.of(), null));
  }

  @Test
  void should_count_questions_routing_feedback_ratings_and_median_times_over_the_period() {
    long old = asked("CBAM?", Handoff.NONE, Intent.REGULATION);
    clock.advance(Duration.ofDays(10));
    long answered = asked("What is CBAM?", Handoff.NONE, Intent.REGULATION);
    asked("Solar grants in Hanoi?", Handoff.OFFERED, Intent.FUNDING);
    long first = asked("I need a person", Handoff.CREATED, Intent.ADVISOR_REQUEST);
    long second = asked("Is our permit legal?", Handoff.CREATED, Intent.REGULATION);
    services.conversations().feedback(answered, true, clock.instant());
    services.conversations().feedback(old, false, clock.instant());
    Escalation a = escalate(first);
    Escalation b = escalate(second);
    clock.advance(Duration.ofMinutes(10));
    services.handoffs().claim(a.id(), "kim");
    clock.advance(Duration.ofMinutes(20));
    services.handoffs().resolve(a.id(), "kim");
    services.handoffs().claim(b.id(), "kim");
    services.handoffs().release(b.id(), "kim");
    services.handoffs().rate(a.id(), 4);

    DeskFigures week = stats.figures(Period.parse("7d", clock));

    assertThat(week.questions()).isEqualTo(4);
    assertThat(week.answered()).isEqualTo(1);
    assertThat(week.offered()).isEqualTo(1);
    assertThat(week.routed()).isEqualTo(2);
    assertThat(week.helpful()).isEqualTo(1);
    assertThat(week.notHelpful()).as("feedback given this week, on an older answer").isEqualTo(1);
    assertThat(week.ratings()).isEqualTo(1);
    assertThat(week.rating()).hasValue(4.0);
    assertThat(week.toClaim()).as("10 and 30 minutes to a first claim").hasValue(Duration.ofMinutes(20));
    assertThat(week.toResolve()).hasValue(Duration.ofMinutes(30));
    assertThat(stats.figures(Period.parse("30d", clock)).questions()).isEqualTo(5);
  }

  @Test
  void should_report_nothing_for_a_quiet_period() {
    DeskFigures today = stats.figures(Period.parse("today", clock));

    assertThat(today.questions()).isZero();
    assertThat(today.toClaim()).isEmpty();
    assertThat(today.rating()).isEmpty();
  }

  @Test
  void should_group_the_questions_the_bot_could_not_answer_well() {
    asked("Solar panel grants in Hanoi?", Handoff.OFFERED, Intent.FUNDING);
    asked("solar panel grants in hanoi", Handoff.OFFERED, Intent.OUT_OF_SCOPE);
    asked("Are there solar panel grants for Hanoi?", Handoff.OFFERED, Intent.FUNDING);
    long unhelpful = asked("How do I report CBAM emissions?", Handoff.NONE, Intent.REGULATION);
    services.conversations().feedback(unhelpful, false, clock.instant());
    asked("What is CBAM?", Handoff.NONE, Intent.REGULATION);
    asked("I want a person", Handoff.CREATED, Intent.ADVISOR_REQUEST);

    List<KnowledgeGap> gaps = stats.gaps(clock.instant().minus(Duration.ofDays(7)), 10);

    assertThat(gaps).extracting(KnowledgeGap::count).containsExactly(3, 1);
    assertThat(gaps.get(0).wordings()).hasSize(3);
    assertThat(gaps.get(1).question()).isEqualTo("How do I report CBAM emissions?");
  }

  @Test
  void should_count_followers_now_and_reminders_and_notices_sent_in_the_period() {
    org.greendesk.store.Jdbc jdbc = services.database().jdbc();
    long first = asked("What is CBAM?", Handoff.NONE, Intent.REGULATION);
    long second = asked("Grants in Korea?", Handoff.NONE, Intent.FUNDING);
    for (String follow : List.of("1:document:eu-cbam", "1:economy:Korea", "2:events:Korea")) {
      String[] f = follow.split(":");
      jdbc.insert("INSERT INTO follows (sme_id, kind, target, label, created_at) VALUES ((SELECT sme_id FROM "
          + "conversations WHERE id = ?), ?, ?, ?, ?)", f[0].equals("1") ? first : second, f[1], f[2], f[2],
          clock.instant());
    }
    jdbc.update("INSERT INTO reminders_sent (sme_id, item, due_on, lead_days, sent_at) VALUES ((SELECT sme_id FROM "
        + "conversations WHERE id = ?), 'kr-forum', DATE '2026-12-20', 30, ?)", second, clock.instant());
    jdbc.update("INSERT INTO reminders_sent (sme_id, item, due_on, lead_days, sent_at) VALUES ((SELECT sme_id FROM "
        + "conversations WHERE id = ?), 'kr-forum', DATE '2026-12-20', 7, ?)", second,
        clock.instant().minus(java.time.Duration.ofDays(40)));

    FollowFigures figures = stats.follows(Period.parse("30d", clock));

    assertThat(figures).isEqualTo(new FollowFigures(figures.period(), 2, 3, 0, 1));
  }

  @Test
  void should_refuse_a_period_it_does_not_know() {
    assertThatThrownBy(() -> Period.parse("fortnight", clock)).hasMessageContaining("`today`, `7d` or `30d`");
    assertThat(Period.parse("", clock).name()).isEqualTo("7d");
  }
}
