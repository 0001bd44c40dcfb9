package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mentions in channels and direct messages to the bot, through signed events, the desk and the outbox. */
class SlackConversationsIT {
  @TempDir Path data;
  private FakeSlackApi slack;
  private Service service;
  private SignedRequests requests;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SignedRequests.SECRET, "SLACK_API_URL",
        slack.apiUrl()));
    service = Service.start(settings, TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    requests = new SignedRequests(service::httpPort, slack.responseUrl());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    slack.close();
  }

  private void direct(String eventId, String ts, String text) throws Exception {
    requests.event(eventId, Map.of("type", "message", "channel", "DSTAFF", "user", "USTAFF", "text", text,
        "ts", ts, "channel_type", "im"));
  }

  private String answerIn(String channel) throws InterruptedException {
    return slack.next(c -> c.startsWith("chat.postMessage") && c.contains("channel=" + channel + "&"));
  }

  @Test
  void should_answer_a_mention_in_its_thread_with_sources() throws Exception {
    requests.event("Ev1", Map.of("type", "app_mention", "channel", "CSTAFF", "user", "USTAFF",
        "text", "<@" + FakeSlackApi.BOT_USER + "> What is CBAM?", "ts", "1700.0001"));

    String answer = answerIn("CSTAFF");

    assertThat(answer).contains("thread_ts=1700.0001", "Carbon Border Adjustment Mechanism", "Sources:",
        SlackChannel.HELPFUL);
  }

  @Test
  void should_hold_a_direct_conversation_with_memory() throws Exception {
    direct("Ev1", "1700.0001", "What is the SVHC candidate list in REACH?");
    answerIn("DSTAFF");
    direct("Ev2", "1700.0002", "does it apply to shoes?");
    String followUp = answerIn("DSTAFF");

    ConversationStore conversations = service.services().conversations();
    long id = conversations.find(SlackChannel.NAME, "DSTAFF").orElseThrow().id();
    assertThat(followUp).contains("REACH").doesNotContain("thread_ts");
    assertThat(conversations.history(id)).hasSize(2);
    assertThat(conversations.history(id).get(1).answer().sources()).first().extracting(s -> s.id())
        .isEqualTo("eu-reach");
  }

  @Test
  void should_answer_once_and_only_when_addressed() throws Exception {
    direct("Ev1", "1700.0001", "What is CBAM?");
    direct("Ev1b", "1700.0001", "What is CBAM?");
    requests.event("Ev2", Map.of("type", "message", "channel", "DSTAFF", "bot_id", "BBOT", "user",
        FakeSlackApi.BOT_USER, "text", "What is CBAM?", "ts", "1700.0002", "channel_type", "im"));
    requests.event("Ev3", Map.of("type", "message", "channel", "CSTAFF", "user", "USTAFF",
        "text", "What is CBAM?", "ts", "1700.0003", "channel_type", "channel"));

    String answer = answerIn("DSTAFF");

    assertThat(answer).contains("Carbon Border");
    // A later message's answer comes after whatever the earlier events caused, in the conversation's order.
    direct("Ev4", "1700.0004", "Thanks!");
    assertThat(slack.next(c -> c.startsWith("chat.postMessage"))).as("no second answer")
        .doesNotContain("Carbon Border");
    long id = service.services().conversations().find(SlackChannel.NAME, "DSTAFF").orElseThrow().id();
    assertThat(service.services().conversations().transcript(id)).hasSize(4);
  }

  @Test
  void should_refuse_a_forged_event_without_answering() throws Exception {
    String body = SignedRequests.JSON.writeValueAsString(Map.of("type", "event_callback", "team_id", "T1",
        "api_app_id", "A1", "event_id", "Ev1", "event_time", 1, "event", Map.of("type", "message", "channel",
            "DSTAFF", "user", "USTAFF", "text", "What is CBAM?", "ts", "1700.0001", "channel_type", "im")));

    var forged = requests.post(body, "application/json", System.currentTimeMillis() / 1000, "v0=" + "0".repeat(64));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(service.services().conversations().find(SlackChannel.NAME, "DSTAFF")).isEmpty();
    direct("Ev2", "1700.0002", "Thanks!");
    assertThat(slack.next(c -> c.startsWith("chat.postMessage"))).as("the forged event was not answered")
        .doesNotContain("Carbon Border");
  }

  @Test
  void should_carry_an_advisors_reply_to_a_direct_conversation() throws Exception {
    direct("Ev1", "1700.0001", "I would like to talk to a person please");
    answerIn("DSTAFF");
    var escalation = service.services().escalations().open().get(0);
    service.services().escalations().addAdvisor("UANNA", "Anna", List.of(), List.of());

    service.services().handoffs().claim(escalation.id(), "UANNA");
    service.services().handoffs().reply(escalation.id(), "UANNA", "Hello, I can help with that.");

    assertThat(slack.next(c -> c.startsWith("chat.postMessage") && c.contains("I can help")))
        .contains("channel=DSTAFF&", "Anna: Hello");
  }

  @Test
  void should_record_feedback_from_the_buttons_under_an_answer() throws Exception {
    direct("Ev1", "1700.0001", "What is CBAM?");
    answerIn("DSTAFF");

    requests.press(SlackChannel.NOT_HELPFUL, "DSTAFF", "USTAFF", "DSTAFF", "1001.000");

    slack.next("chat.postEphemeral");
    long id = service.services().conversations().find(SlackChannel.NAME, "DSTAFF").orElseThrow().id();
    assertThat(service.services().conversations().feedbackCounts(id)).containsExactly(0, 1);
  }
}
