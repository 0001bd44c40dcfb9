package org.greendesk.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.handoff.Escalation;
import org.greendesk.web.LocalHttp;
import org.greendesk.web.LocalHttp.Reply;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat's endpoints over real HTTP, against the service as {@code serve} runs it. */
class WebChatIT {
  @TempDir Path data;
  private @Nullable Service service;
  private LocalHttp http;

  @BeforeEach
  void start() throws Exception {
    serve(1000);
  }

  private void serve(int requestsPerMinute) throws Exception {
    service = Service.start(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_RATE_LIMIT", String.valueOf(requestsPerMinute))), TestDesk.get(), new RecordingDesk(),
        Clock.systemUTC());
    http = new LocalHttp(service.httpPort());
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  private String session() throws Exception {
    Reply reply = http.post("/chat/session", "");
    assertThat(reply.status()).isEqualTo(201);
    return reply.json().get("session").asText();
  }

  private static Map<String, String> as(String session) {
    return Map.of(WebSessions.HEADER, session);
  }

  private Reply say(String session, String text, @Nullable String id) throws Exception {
    String idField = id == null ? "" : ", \"id\": \"" + id + "\"";
    return http.post("/chat/messages", "{\"text\": " + LocalHttp.quote(text) + idField + "}", as(session));
  }

  /** Polls as the page does until the session has {@code count} messages after {@code after}. */
  private JsonNode messages(String session, long after, int count) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    JsonNode messages;
    do {
      Reply reply = http.get("/chat/messages?after=" + after, as(session));
      assertThat(reply.status()).isEqualTo(200);
      messages = reply.json().get("messages");
      if (messages.size() >= count) {
        return messages;
      }
      Thread.onSpinWait();
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("expected " + count + " messages, got " + messages);
  }

  @Test
  void should_answer_with_sources_as_links_and_buttons() throws Exception {
    String session = session();

    Reply sent = say(session, "What is CBAM?", "m1");
    JsonNode answer = messages(session, 0, 1).get(0);

    assertThat(sent.json().get("outcome").asText()).isEqualTo("answered");
    assertThat(answer.get("from").asText()).isEqualTo("bot");
    assertThat(answer.get("text").asText()).contains("CBAM");
    assertThat(answer.get("links").get(0).get("url").asText()).startsWith("https://");
    assertThat(answer.get("actions").toString()).contains("feedback", "advisor");
  }

  @Test
  void should_show_a_session_only_its_own_messages() throws Exception {
    String mine = session();
    String theirs = session();
    say(mine, "What is CBAM?", null);
    long last = messages(mine, 0, 1).get(0).get("id").asLong();

    assertThat(http.get("/chat/messages?after=0", as(theirs)).json().get("messages")).isEmpty();
    assertThat(http.get("/chat/messages?after=" + last, as(mine)).json().get("messages")).isEmpty();
    assertThat(http.get("/chat/messages?after=0").status()).isEqualTo(401);
    assertThat(http.get("/chat/messages?after=0", as("not-a-session")).status()).isEqualTo(401);
    assertThat(mine).isNotEqualTo(theirs).hasSize(43);
  }

  @Test
  void should_answer_a_message_sent_twice_once() throws Exception {
    String session = session();

    say(session, "What is REACH?", "same-id");
    Reply again = say(session, "What is REACH?", "same-id");
    say(session, "Thanks!", "next-id");

    assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
    JsonNode messages = messages(session, 0, 2);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).get("text").asText()).contains("REACH");
  }

  @Test
  void should_refuse_a_fifty_thousand_character_message_with_a_clear_error() throws Exception {
    String session = session();

    Reply reply = say(session, "x".repeat(50_000), null);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).contains("too long", "50,000 characters", "4,000");
    assertThat(say(session, "  ", null).json().get("error").asText()).contains("empty");
    assertThat(http.post("/chat/messages", "[1]", as(session)).json().get("error").asText()).contains("JSON object");
  }

  @Test
  void should_keep_delivered_messages_across_a_restart_and_show_each_once() throws Exception {
    String session = session();
    say(session, "What is CBAM?", null);
    JsonNode before = messages(session, 0, 1);

    service.close();
    serve(1000);
    JsonNode after = messages(session, 0, 1);

    assertThat(after).isEqualTo(before);
  }

  @Test
  void should_store_feedback_on_the_latest_answer() throws Exception {
    String session = session();
    assertThat(http.post("/chat/feedback", "{\"helpful\": true}", as(session)).json().get("recorded").asBoolean())
        .isFalse();
    say(session, "What is CBAM?", null);

    Reply reply = http.post("/chat/feedback", "{\"helpful\": false}", as(session));

    assertThat(reply.json().get("recorded").asBoolean()).isTrue();
    ConversationStore conversations = service.services().conversations();
    long conversation = conversations.find(WebChannel.NAME, WebSessions.chatId(session).orElseThrow()).orElseThrow().id();
    assertThat(conversations.feedbackCounts(conversation)).containsExactly(0, 1);
    assertThat(http.post("/chat/feedback", "{\"helpful\": \"yes\"}", as(session)).status()).isEqualTo(400);
  }

  @Test
  void should_hand_the_chat_to_an_advisor_whose_replies_appear_with_their_name() throws Exception {
    String session = session();
    service.services().escalations().addAdvisor("kim", "Kim", java.util.List.of(), java.util.List.of());

    say(session, "I would like to talk to a person", null);
    messages(session, 0, 1); // the bot's answer is out before the advisor claims, else it is rightly dropped
    Escalation escalation = service.services().escalations().open().get(0);
    service.services().handoffs().claim(escalation.id(), "kim");
    Reply relayed = say(session, "My invoice is attached", null);
    service.services().handoffs().reply(escalation.id(), "kim", "Hello, I am looking at it.");

    JsonNode messages = messages(session, 0, 3);
    assertThat(relayed.json().get("outcome").asText()).isEqualTo("relayed");
    assertThat(messages.get(1).get("from").asText()).isEqualTo("system");
    assertThat(messages.get(1).get("text").asText()).contains("Kim has joined");
    assertThat(messages.get(2).get("from").asText()).isEqualTo("advisor");
    assertThat(messages.get(2).get("text").asText()).isEqualTo("Kim: Hello, I am looking at it.");

    service.services().handoffs().resolve(escalation.id(), "kim");
    JsonNode resolved = messages(session, messages.get(2).get("id").asLong(), 1).get(0);
    assertThat(resolved.get("actions").toString()).isEqualTo("[\"rate\"]");
    Reply rating = http.post("/chat/rating", "{\"stars\": 4}", as(session));
    assertThat(rating.json().get("recorded").asBoolean()).isTrue();
    assertThat(http.post("/chat/rating", "{\"stars\": 9}", as(session)).status()).isEqualTo(400);
  }

  @Test
  void should_say_where_the_handoff_stands_with_the_messages() throws Exception {
    String session = session();
    service.services().escalations().addAdvisor("kim", "Kim", java.util.List.of(), java.util.List.of());
    assertThat(handoff(session)).isEqualTo("{\"state\":\"none\"}");

    http.post("/chat/advisor", "{\"id\": \"press-1\"}", as(session));
    assertThat(handoff(session)).isEqualTo("{\"state\":\"queued\"}");
    say(session, "/cancel", null);
    JsonNode left = messages(session, 0, 2).get(1);
    assertThat(left.get("text").asText()).isEqualTo("You have left the advisor queue.");
    assertThat(handoff(session)).isEqualTo("{\"state\":\"none\"}");

    http.post("/chat/advisor", "{\"id\": \"press-2\"}", as(session));
    messages(session, left.get("id").asLong(), 1); // out before the claim, else rightly dropped
    service.services().handoffs().claim(service.services().escalations().open().get(0).id(), "kim");
    assertThat(handoff(session)).isEqualTo("{\"state\":\"claimed\",\"advisor\":\"Kim\"}");
  }

  private String handoff(String session) throws Exception {
    return http.get("/chat/messages?after=0", as(session)).json().get("handoff").toString();
  }

  @Test
  void should_give_the_page_its_words_in_the_language_the_browser_asks_for() throws Exception {
    Reply korean = http.get("/chat/strings", Map.of("Accept-Language", "fr-FR;q=0.9, ko-KR, en;q=0.5"));
    Reply english = http.get("/chat/strings");

    assertThat(korean.json().get("language").asText()).isEqualTo("ko");
    assertThat(korean.json().get("strings").get("send").asText()).isEqualTo("보내기");
    assertThat(korean.header("Vary")).contains("Accept-Language");
    assertThat(english.json().get("language").asText()).isEqualTo("en");
    assertThat(english.json().get("strings").get("leave_queue").asText()).isEqualTo("Leave the queue");
    assertThat(korean.json().get("strings").size()).isEqualTo(english.json().get("strings").size());
    assertThat(http.get("/chat/strings", Map.of("Accept-Language", "fr, de;q=0.8")).json().get("language").asText())
        .isEqualTo("en");
    assertThat(http.get("/chat/strings", Map.of("Accept-Language", ";;q=x")).json().get("language").asText())
        .isEqualTo("en");
  }

  @Test
  void should_serve_the_markdown_libraries_and_the_icon_from_the_jar() throws Exception {
    Reply marked = http.get("/chat/vendor/marked.js");
    Reply purify = http.get("/chat/vendor/purify.js");
    Reply icon = http.get("/favicon.svg");

    assertThat(marked.status()).isEqualTo(200);
    assertThat(marked.header("Content-Type")).startsWith("text/javascript");
    assertThat(marked.body()).contains("marked v");
    assertThat(purify.header("Content-Type")).startsWith("text/javascript");
    assertThat(purify.body()).contains("DOMPurify");
    assertThat(icon.header("Content-Type")).isEqualTo("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg");
    assertThat(http.get("/chat/view.js").header("Content-Type")).startsWith("text/javascript");
  }

  @Test
  void should_forget_the_session_on_request() throws Exception {
    String session = session();
    say(session, "What is CBAM?", null);
    messages(session, 0, 1);

    Reply reply = http.post("/chat/forget", "", as(session));

    assertThat(reply.json().get("forgotten").asBoolean()).isTrue();
    assertThat(http.get("/chat/messages?after=0", as(session)).json().get("messages")).isEmpty();
  }

  @Test
  void should_limit_what_a_client_sends_but_not_its_polling() throws Exception {
    service.close();
    serve(2);
    String session = session();
    say(session, "What is CBAM?", null);

    Reply refused = say(session, "What is REACH?", null);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotEmpty();
    assertThat(messages(session, 0, 1)).hasSize(1);
  }

  @Test
  void should_ask_a_flooding_session_once_to_slow_down_and_say_the_rest_is_limited() throws Exception {
    // given a session that has sent as many messages as a minute allows
    String session = session();
    for (int i = 0; i < FloodGuard.MESSAGES_PER_MINUTE; i++) {
      assertThat(say(session, "Thanks!", "m" + i).json().get("outcome").asText()).isEqualTo("answered");
    }

    // when it sends two more
    Reply first = say(session, "Thanks!", "over-1");
    Reply second = say(session, "Thanks!", "over-2");

    // then both are limited, and the page is told once, from the catalogue, to slow down
    assertThat(first.json().get("outcome").asText()).isEqualTo("limited");
    assertThat(second.json().get("outcome").asText()).isEqualTo("limited");
    JsonNode messages = messages(session, 0, FloodGuard.MESSAGES_PER_MINUTE + 1);
    assertThat(messages).hasSize(FloodGuard.MESSAGES_PER_MINUTE + 1);
    assertThat(messages.get(FloodGuard.MESSAGES_PER_MINUTE).get("text").asText())
        .isEqualTo(TestDesk.get().messages().text("en", "slow_down"));
  }

  @Test
  void should_serve_the_page_and_widget_with_a_strict_content_policy() throws Exception {
    Reply page = http.get("/");
    Reply widget = http.get("/widget.js");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "default-src 'none'");
    assertThat(page.body()).contains("role=\"log\"", "aria-live=\"polite\"", "<label for=\"message\"");
    assertThat(widget.header("Content-Type")).startsWith("text/javascript");
    assertThat(widget.body()).contains("iframe");
  }
}
