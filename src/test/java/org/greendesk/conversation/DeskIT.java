package org.greendesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.DeskMessage;
import org.greendesk.delivery.RecordingChannel;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.delivery.SendException;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.Handoffs;
import org.greendesk.messages.Messages;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk with the real assistant, a real H2 file, and recording fakes for the channel and the advisor desk. */
class DeskIT {
  private static final Messages MESSAGES = ShippedPrompts.messages();
  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final RecordingChannel telegram = new RecordingChannel("telegram");
  private final RecordingDesk advisors = new RecordingDesk();
  private DeskServices services;

  @BeforeEach
  void open() {
    services = start();
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
  }

  private DeskServices start() {
    return DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        TestDesk.get().assistant(), Map.of("telegram", telegram), advisors, clock);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Desk.Outcome send(String text, String messageId) {
    return services.desk().receive(new InboundMessage("telegram", "42", "Minh", text, messageId));
  }

  private Escalation escalate() {
    send("I want to talk to a person", "m-escalate");
    services.sender().drainOnce();
    return services.escalations().open().get(0);
  }

  @Test
  void should_hold_a_flooding_chat_at_the_desk_until_the_minute_has_room_again() {
    // given a chat that has sent as many messages as a minute allows
    for (int i = 0; i < FloodGuard.MESSAGES_PER_MINUTE; i++) {
      assertThat(send("hello", "m" + i)).isEqualTo(Desk.Outcome.ANSWERED);
    }

    // when it sends two more within the minute
    Desk.Outcome first = send("hello", "over-1");
    Desk.Outcome second = send("hello", "over-2");
    services.sender().drainOnce();

    // then it is told once to slow down, and neither is stored
    assertThat(List.of(first, second)).containsOnly(Desk.Outcome.LIMITED);
    assertThat(telegram.texts("42")).hasSize(FloodGuard.MESSAGES_PER_MINUTE + 1).last()
        .isEqualTo(MESSAGES.text("en", "slow_down"));
    assertThat(services.database().jdbc().queryOne("SELECT COUNT(*) FROM messages WHERE channel_message_id "
        + "LIKE 'over-%'", row -> row.getInt(1))).contains(0);

    // and once the minute has passed it is answered again
    clock.advance(Duration.ofMinutes(1));
    assertThat(send("hello", "later")).isEqualTo(Desk.Outcome.ANSWERED);
  }

  @Test
  void should_answer_a_redelivered_message_once() {
    assertThat(send("What is CBAM?", "m1")).isEqualTo(Desk.Outcome.ANSWERED);
    assertThat(send("What is CBAM?", "m1")).isEqualTo(Desk.Outcome.DUPLICATE);
    services.sender().drainOnce();

    assertThat(telegram.texts("42")).singleElement().asString().contains("Carbon Border Adjustment Mechanism");
    assertThat(telegram.sent().get(0).message().links()).isNotEmpty();
  }

  @Test
  void should_hand_off_when_sme_asks_for_a_person_and_announce_the_case_with_its_brief() {
    Escalation escalation = escalate();

    assertThat(escalation.state()).isEqualTo(EscalationState.QUEUED);
    assertThat(advisors.delivered()).filteredOn(m -> m.kind() == DeskMessage.Kind.ANNOUNCE).singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Minh on telegram", "the SME asked for a person"));
    assertThat(telegram.texts("42")).last().asString().contains("connect you with an advisor");
  }

  @Test
  void should_relay_sme_messages_in_order_and_stay_silent_while_an_advisor_holds_the_conversation() {
    Escalation escalation = escalate();
    services.handoffs().claim(escalation.id(), "kim");
    int before = telegram.sent().size();

    assertThat(send("first", "r1")).isEqualTo(Desk.Outcome.RELAYED);
    send("What is CBAM?", "r2");
    send("third", "r3");
    services.handoffs().reply(escalation.id(), "kim", "Hello Minh");
    services.sender().drainOnce();

    assertThat(advisors.relayed(escalation.id())).containsExactly("Minh: first", "Minh: What is CBAM?", "Minh: third");
    assertThat(telegram.texts("42").subList(before, telegram.sent().size()))
        .containsExactly("Kim has joined the conversation and will reply here.", "Kim: Hello Minh");
  }

  @Test
  void should_drop_a_bot_answer_when_an_advisor_claims_before_it_is_sent() {
    Escalation escalation = escalate();
    send("What is REACH?", "q1");
    services.handoffs().claim(escalation.id(), "kim");
    services.sender().drainOnce();

    assertThat(telegram.texts("42")).noneMatch(t -> t.contains("REACH"));
    assertThat(telegram.texts("42")).last().isEqualTo("Kim has joined the conversation and will reply here.");
  }

  @Test
  void should_keep_the_handoff_across_a_restart_and_deliver_what_was_pending() {
    Escalation escalation = escalate();
    services.handoffs().claim(escalation.id(), "kim");
    services.handoffs().reply(escalation.id(), "kim", "I am looking at your case");
    services.close(); // stopped before the reply went out

    services = start();
    services.sender().drainOnce();
    send("thank you, here are the details", "after-restart");
    services.sender().drainOnce();

    assertThat(services.escalations().find(escalation.id()).orElseThrow().state()).isEqualTo(EscalationState.CLAIMED);
    assertThat(telegram.texts("42")).contains("Kim: I am looking at your case");
    assertThat(advisors.relayed(escalation.id())).containsExactly("Minh: thank you, here are the details");
  }

  @Test
  void should_handle_a_message_stored_before_a_crash_when_it_starts_again() {
    ConversationStore.Conversation conversation = services.conversations()
        .conversation("telegram", "42", "Minh", clock.instant());
    services.conversations().storeInbound(conversation.id(), "stored-only", "What is the EU LIFE programme?",
        clock.instant());
    services.close();

    services = start();
    clock.advance(ConversationStore.HANDLING.plusSeconds(1)); // the stopped instance's time to handle it ran out
    int resumed = services.desk().resume(List.of("telegram"));
    services.sender().drainOnce();

    assertThat(resumed).isEqualTo(1);
    assertThat(telegram.texts("42")).singleElement().asString().contains("LIFE");
    assertThat(services.desk().resume(List.of("telegram"))).isZero();
  }

  @Test
  void should_leave_a_message_to_the_instance_still_handling_it_and_to_the_channel_serving_it() {
    // given a message another instance stored a moment ago and is answering now
    ConversationStore.Conversation conversation = services.conversations()
        .conversation("telegram", "42", "Minh", clock.instant());
    services.conversations().storeInbound(conversation.id(), "in-hand", "What is the EU LIFE programme?",
        clock.instant());

    // when this one starts and looks for messages left behind
    int resumed = services.desk().resume(List.of("telegram"));
    clock.advance(ConversationStore.HANDLING.plusSeconds(1));
    int otherChannel = services.desk().resume(List.of("web"));

    // then it takes none: the first is still in hand, and it does not serve the channel of the second look
    assertThat(resumed).isZero();
    assertThat(otherChannel).isZero();
    assertThat(services.desk().resume(List.of("telegram"))).isEqualTo(1);
  }

  @Test
  void should_retry_with_backoff_and_keep_the_order_of_a_chat() {
    telegram.failNext(SendException.retry("HTTP 502", null), SendException.retry("429", Duration.ofSeconds(10)));
    send("What is CBAM?", "o1");
    send("What is REACH?", "o2");

    services.sender().drainOnce(); // 502: retry in 1 s
    clock.advance(Duration.ofSeconds(1));
    services.sender().drainOnce(); // 429: retry after 10 s
    clock.advance(Duration.ofSeconds(5));
    assertThat(services.sender().drainOnce()).isZero();
    clock.advance(Duration.ofSeconds(5));
    services.sender().drainOnce();

    assertThat(telegram.texts("42")).hasSize(2);
    assertThat(telegram.texts("42").get(0)).contains("CBAM");
    assertThat(telegram.texts("42").get(1)).contains("REACH");
    assertThat(services.sender().pending()).isZero();
  }

  @Test
  void should_stop_sending_to_an_sme_who_blocked_the_bot() {
    telegram.failNext(SendException.recipientGone("403 blocked by the user"));
    send("What is CBAM?", "b1");

    services.sender().drainOnce();
    clock.advance(Duration.ofHours(1));
    services.sender().drainOnce();

    assertThat(telegram.sent()).isEmpty();
    assertThat(services.sender().pending()).isZero();
    assertThat(services.database().jdbc().queryOne("SELECT blocked FROM smes WHERE external_id = '42'",
        row -> row.getBoolean(1))).contains(true);
  }

  @Test
  void should_send_nothing_to_a_blocked_sme_until_they_write_again() {
    telegram.failNext(SendException.recipientGone("403 blocked by the user"));
    send("What is CBAM?", "b1");
    services.sender().drainOnce();

    services.handoffs().open(new Handoffs.Request(services.conversations().find("telegram", "42").orElseThrow().id(),
        "test", "What is CBAM?", "regulation", List.of(), List.of(), null));
    escalateAndResolve();
    services.sender().drainOnce();
    List<RecordingChannel.Sent> whileBlocked = telegram.sent();
    send("Hello again, what is REACH?", "b2");
    services.sender().drainOnce();

    assertThat(whileBlocked).isEmpty();
    assertThat(telegram.sent()).singleElement().satisfies(sent -> assertThat(sent.message().text()).contains("REACH"));
  }

  private void escalateAndResolve() {
    Escalation e = services.escalations().open().get(0);
    services.handoffs().claim(e.id(), "kim");
    services.handoffs().resolve(e.id(), "kim");
  }

  @Test
  void should_answer_a_message_longer_than_any_column_with_a_clear_reply_and_carry_on() {
    send("Please read this. " + "Our company makes steel screws and exports them. ".repeat(1500), "long-1");
    send("What is CBAM?", "long-2");
    services.sender().drainOnce();

    assertThat(telegram.sent()).satisfiesExactly(
        tooLong -> assertThat(tooLong.message().text()).contains("too long"),
        answer -> assertThat(answer.message().text()).contains("Carbon Border Adjustment Mechanism"));
    assertThat(services.conversations().transcript(services.conversations().find("telegram", "42").orElseThrow()
        .id())).anySatisfy(line -> assertThat(line).endsWith("[shortened]"));
  }

  @Test
  void should_store_a_message_without_its_control_characters() {
    send("What is\u0000 CBAM?\u0007", "nul-1");

    assertThat(services.database().jdbc().queryOne("SELECT body FROM messages WHERE channel_message_id = 'nul-1'",
        row -> row.getString(1))).contains("What is CBAM?");
  }

  @Test
  void should_hand_off_in_the_smes_language_and_tell_them_of_the_handoff_in_it() {
    send("담당 상담사와 직접 통화하고 싶습니다", "ko1");
    services.sender().drainOnce();
    Escalation escalation = services.escalations().open().get(0);
    services.handoffs().claim(escalation.id(), "kim");
    services.sender().drainOnce();

    assertThat(telegram.texts("42")).containsExactly(MESSAGES.text("ko", "advisor_request"),
        MESSAGES.text("ko", "advisor_joined", Map.of("advisor", "Kim")));
  }

  @Test
  void should_open_one_escalation_however_often_the_sme_asks_and_say_they_are_in_the_queue() {
    send("What is CBAM?", "q1");
    send("/advisor", "a1");
    send("/advisor please hurry", "a2");
    services.sender().drainOnce();

    assertThat(services.escalations().open()).singleElement()
        .satisfies(e -> assertThat(e.question()).as("about the question asked before").isEqualTo("What is CBAM?"));
    assertThat(telegram.texts("42")).last().isEqualTo(MESSAGES.text("en", "already_in_queue"));
    assertThat(advisors.relayed(services.escalations().open().get(0).id())).containsExactly("Minh: /advisor please hurry");
  }

  @Test
  void should_keep_a_chosen_language_until_the_sme_is_forgotten() {
    send("/language th", "l1");
    send("What is CBAM?", "l2");
    services.sender().drainOnce();
    assertThat(telegram.sent()).extracting(s -> s.message().language()).containsExactly("th", "th");

    services.desk().forget("telegram", "42");

    assertThat(services.desk().language("telegram", "42")).isEqualTo("en");
  }

  @Test
  void should_ask_for_a_rating_after_resolution_and_record_it() {
    Escalation escalation = escalate();
    services.handoffs().claim(escalation.id(), "kim");
    services.handoffs().resolve(escalation.id(), "kim");

    assertThat(services.desk().rate("telegram", "42", 4)).isTrue();
    assertThat(services.desk().rate("telegram", "42", 4)).as("rated once").isFalse();
    assertThat(send("What is CBAM?", "after")).isEqualTo(Desk.Outcome.ANSWERED);
    services.sender().drainOnce();

    assertThat(telegram.sent()).anySatisfy(s -> assertThat(s.message().actions()).contains("rate"));
    assertThat(telegram.texts("42")).contains("Thank you for your rating!");
    assertThat(telegram.texts("42")).last().asString().contains("CBAM");
    assertThat(services.database().jdbc().queryOne("SELECT rating FROM escalations WHERE id = ?",
        row -> row.getInt(1), escalation.id())).contains(4);
  }

  @Test
  void should_forget_an_sme_and_leave_other_conversations_untouched() {
    send("What is CBAM?", "f1");
    services.desk().receive(new InboundMessage("telegram", "77", "Other", "What is REACH?", "g1"));

    assertThat(services.desk().forget("telegram", "42")).isTrue();

    long forgotten = services.conversations().find("telegram", "42").orElseThrow().id();
    long other = services.conversations().find("telegram", "77").orElseThrow().id();
    assertThat(services.conversations().transcript(forgotten)).isEmpty();
    assertThat(services.conversations().transcript(other)).hasSize(2);
    assertThat(services.conversations().find("telegram", "42").orElseThrow().smeName()).isEqualTo("SME");
  }

  @Test
  void should_let_the_sme_leave_the_queue() {
    escalate();

    assertThat(services.desk().cancel("telegram", "42")).isTrue();
    assertThat(services.escalations().open()).isEmpty();
    assertThat(services.desk().cancel("telegram", "42")).isFalse();
  }

  @Test
  void should_store_feedback_on_the_latest_answer() {
    assertThat(services.desk().feedback("telegram", "42", true)).isFalse();
    send("What is CBAM?", "fb1");

    assertThat(services.desk().feedback("telegram", "42", true)).isTrue();
    assertThat(services.desk().feedback("telegram", "42", false)).isTrue();

    long id = services.conversations().find("telegram", "42").orElseThrow().id();
    assertThat(services.conversations().feedbackCounts(id)).containsExactly(1, 1);
  }
}
