package org.greendesk.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.handoff.EscalationState.Action;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The escalation state machine on a real H2 database. */
class EscalationLifecycleTest {
  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;
  private Handoffs handoffs;
  private long conversation;

  @BeforeEach
  void open() {
    services = DeskServices.handoffsOnly(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())), clock);
    handoffs = services.handoffs();
    services.escalations().addAdvisor("kim", "Kim", List.of("regulation"), List.of("Korea"));
    services.escalations().addAdvisor("lee", "Lee", List.of(), List.of());
    conversation = services.conversations().conversation("telegram", "42", "Minh", clock.instant()).id();
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Escalation queued() {
    return handoffs.open(new Handoffs.Request(conversation, "the SME asked for a person", "help", "regulation",
        List.of("Korea"), List.of("kr-k-ets"), null));
  }

  /** Brings a new escalation to the state named, by legal steps. */
  private Escalation in(EscalationState state) {
    Escalation e = queued();
    return switch (state) {
      case QUEUED -> e;
      case CLAIMED -> handoffs.claim(e.id(), "kim");
      case RESOLVED -> handoffs.resolve(handoffs.claim(e.id(), "kim").id(), "kim");
      case RETURNED -> handoffs.returnToBot(handoffs.claim(e.id(), "kim").id(), "kim");
    };
  }

  private Escalation apply(Action action, long id) {
    return switch (action) {
      case CLAIM -> handoffs.claim(id, "kim");
      case RELEASE -> handoffs.release(id, "kim");
      case RESOLVE -> handoffs.resolve(id, "kim");
      case RETURN -> handoffs.returnToBot(id, "kim");
      case CANCEL -> handoffs.cancel(id);
    };
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @CsvSource({
      "QUEUED,   CLAIM,   CLAIMED",
      "QUEUED,   CANCEL,  RETURNED",
      "QUEUED,   RELEASE, illegal",
      "QUEUED,   RESOLVE, illegal",
      "QUEUED,   RETURN,  illegal",
      "CLAIMED,  RELEASE, QUEUED",
      "CLAIMED,  RESOLVE, RESOLVED",
      "CLAIMED,  RETURN,  RETURNED",
      "CLAIMED,  CLAIM,   illegal",
      "CLAIMED,  CANCEL,  illegal",
      "RESOLVED, CLAIM,   illegal",
      "RESOLVED, RELEASE, illegal",
      "RESOLVED, RETURN,  illegal",
      "RETURNED, CLAIM,   illegal",
      "RETURNED, RESOLVE, illegal"})
  void should_follow_the_transition_table(EscalationState from, Action action, String expected) {
    Escalation escalation = in(from);

    if (expected.equals("illegal")) {
      assertThatThrownBy(() -> apply(action, escalation.id())).isInstanceOf(HandoffException.class)
          .hasMessageContaining("escalation " + escalation.id() + " is " + from.wire());
      assertThat(services.escalations().find(escalation.id()).orElseThrow().state()).isEqualTo(from);
    } else {
      assertThat(apply(action, escalation.id()).state()).isEqualTo(EscalationState.valueOf(expected));
    }
  }

  @Test
  void should_let_only_one_of_two_advisors_claiming_at_once_win() throws Exception {
    Escalation escalation = queued();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Callable<String> kim = () -> claimAfter(start, escalation.id(), "kim");
    Callable<String> lee = () -> claimAfter(start, escalation.id(), "lee");
    List<Future<String>> results = List.of(pool.submit(kim), pool.submit(lee));
    start.countDown();
    List<String> outcomes = List.of(results.get(0).get(), results.get(1).get());
    pool.shutdown();

    assertThat(outcomes).containsOnlyOnce("claimed");
    Escalation claimed = services.escalations().find(escalation.id()).orElseThrow();
    assertThat(claimed.state()).isEqualTo(EscalationState.CLAIMED);
    assertThat(services.escalations().history(escalation.id())).hasSize(2);
  }

  private String claimAfter(CountDownLatch start, long id, String advisor) throws InterruptedException {
    start.await();
    try {
      handoffs.claim(id, advisor);
      return "claimed";
    } catch (HandoffException e) {
      return "refused: " + e.getMessage();
    }
  }

  @Test
  void should_refuse_a_reply_release_or_resolve_from_an_advisor_who_does_not_hold_it() {
    Escalation claimed = handoffs.claim(queued().id(), "kim");

    assertThatThrownBy(() -> handoffs.reply(claimed.id(), "lee", "hi")).hasMessageContaining("only the advisor holding");
    assertThatThrownBy(() -> handoffs.release(claimed.id(), "lee")).hasMessageContaining("held by another advisor");
    assertThatThrownBy(() -> handoffs.resolve(claimed.id(), "lee")).hasMessageContaining("held by another advisor");
    assertThatThrownBy(() -> handoffs.claim(claimed.id(), "nobody")).hasMessageContaining("not an active advisor");
  }

  @Test
  void should_open_one_escalation_per_conversation_and_record_every_step() {
    Escalation first = queued();
    Escalation again = queued();
    handoffs.claim(first.id(), "kim");
    handoffs.release(first.id(), "kim");
    handoffs.claim(first.id(), "lee");
    handoffs.resolve(first.id(), "lee");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(services.escalations().history(first.id())).containsExactly("queued by bot",
        "queued->claimed by Kim", "claimed->queued by Kim", "queued->claimed by Lee", "claimed->resolved by Lee");
  }

  @Test
  void should_suggest_the_advisor_for_the_topic_and_economy_then_the_least_loaded() {
    assertThat(handoffs.suggest("regulation", List.of("Korea"))).map(Advisor::userId).contains("kim");
    assertThat(handoffs.suggest("funding", List.of("Korea"))).map(Advisor::userId).contains("lee");
    queued(); // suggested to kim: now kim has one open case
    assertThat(handoffs.suggest("guide", List.of())).map(Advisor::userId).contains("lee");
  }

  @Test
  void should_flag_an_unclaimed_escalation_overdue_once_and_announce_it_again() {
    Escalation escalation = queued();
    clock.advance(Duration.ofMinutes(31));

    List<Escalation> overdue = handoffs.flagOverdue(Duration.ofMinutes(30));
    List<Escalation> again = handoffs.flagOverdue(Duration.ofMinutes(30));

    assertThat(overdue).extracting(Escalation::id).containsExactly(escalation.id());
    assertThat(overdue.get(0).overdue()).isTrue();
    assertThat(again).isEmpty();
  }

  @Test
  void should_brief_the_advisor_on_who_why_what_and_what_was_cited() {
    ConversationStore conversations = services.conversations();
    conversations.storeInbound(conversation, "m1", "Does K-ETS apply to us?", clock.instant());

    String brief = handoffs.brief(queued());

    assertThat(brief).contains("Minh on telegram", "Topic: regulation", "Economies: Korea",
        "Reason: the SME asked for a person", "Documents already cited: kr-k-ets", "Suggested advisor: Kim",
        "Minh: Does K-ETS apply to us?").doesNotContain("Unconfirmed");
  }

  @Test
  void should_tell_the_advisor_what_is_unconfirmed_in_a_cited_document() {
    services.close();
    services = DeskServices.handoffsOnly(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        id -> id.equals("kr-k-ets") ? Optional.of("The 2027 allocation was not yet published.") : Optional.empty(),
        clock);

    Escalation e = services.handoffs().open(new Handoffs.Request(conversation, "the SME asked for a person", "help",
        "regulation", List.of("Korea"), List.of("eu-cbam", "kr-k-ets"), null));

    assertThat(services.handoffs().brief(e))
        .contains("Documents already cited: eu-cbam, kr-k-ets\n"
            + "Unconfirmed in kr-k-ets: The 2027 allocation was not yet published.")
        .doesNotContain("Unconfirmed in eu-cbam");
  }
}
