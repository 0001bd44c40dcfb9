package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.delivery.SendException;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The real Telegram client against a local fake of the Bot API. */
class TelegramChannelTest {
  private static final String TOKEN = "123:test-token";
  /** The Bot API's answer to a sendMessage that went through. */
  static final String SENT = "{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1763884800,"
      + "\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer botApi = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private TelegramChannel channel;

  @BeforeEach
  void start() throws Exception {
    botApi.start();
    channel = new TelegramChannel(new OkHttpTelegramClient(TOKEN,
        new TelegramUrl("http", botApi.getHostName(), botApi.getPort(), false)), ShippedPrompts.messages(), clock,
        TelegramChannel.PER_SECOND);
  }

  @AfterEach
  void stop() throws Exception {
    botApi.shutdown();
  }

  private JsonNode sentMessage() throws Exception {
    RecordedRequest request = botApi.takeRequest();
    assertThat(request.getPath()).isEqualToIgnoringCase("/bot" + TOKEN + "/sendmessage");
    return JSON.readTree(request.getBody().readUtf8());
  }

  @Test
  void should_send_escaped_html_with_source_links_and_buttons() throws Exception {
    botApi.enqueue(new MockResponse().setBody(SENT));
    OutgoingMessage answer = new OutgoingMessage("CBAM applies to <b>imports</b> & more.",
        List.of(new OutgoingMessage.Link("EU CBAM", "https://example.org/cbam?a=1&b=2")), List.of("feedback", "advisor"));

    channel.send("42", answer);

    JsonNode sent = sentMessage();
    assertThat(sent.get("chat_id").asText()).isEqualTo("42");
    assertThat(sent.get("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(sent.get("text").asText()).startsWith("CBAM applies to &lt;b&gt;imports&lt;/b&gt; &amp; more.")
        .contains("<a href=\"https://example.org/cbam?a=1&amp;b=2\">EU CBAM</a>");
    JsonNode keyboard = JSON.readTree(sent.get("reply_markup").isTextual()
        ? sent.get("reply_markup").asText() : sent.get("reply_markup").toString()).get("inline_keyboard");
    assertThat(keyboard.get(0).get(0).get("callback_data").asText()).isEqualTo(TelegramChannel.HELPFUL);
    assertThat(keyboard.get(1).get(0).get("callback_data").asText()).isEqualTo(TelegramChannel.ADVISOR);
  }

  @Test
  void should_split_a_long_message_at_paragraphs_under_the_limit() throws Exception {
    String paragraph = "A paragraph of advice that goes on for a while. ".repeat(30).strip();
    String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));
    botApi.enqueue(new MockResponse().setBody(SENT));
    botApi.enqueue(new MockResponse().setBody(SENT));

    channel.send("42", OutgoingMessage.text(text));

    String first = sentMessage().get("text").asText();
    String second = sentMessage().get("text").asText();
    assertThat(first.length()).isLessThanOrEqualTo(TelegramFormat.MAX_CHARS);
    assertThat(first + "\n\n" + second).isEqualTo(text);
  }

  @Test
  void should_resume_after_the_parts_already_sent_when_a_later_part_fails() throws Exception {
    String paragraph = "Advice. ".repeat(400).strip();
    OutgoingMessage longMessage = OutgoingMessage.text(paragraph + "\n\n" + paragraph);
    botApi.enqueue(new MockResponse().setBody(SENT));
    botApi.enqueue(new MockResponse().setResponseCode(502).setBody("{\"ok\":false,\"error_code\":502,"
        + "\"description\":\"Bad Gateway\"}"));
    botApi.enqueue(new MockResponse().setBody(SENT));

    SendException failure = catchThrowableOfType(SendException.class, () -> channel.send("42", longMessage));
    clock.advance(Duration.ofSeconds(1));
    channel.send("42", longMessage);

    assertThat(failure.retryable()).isTrue();
    assertThat(botApi.getRequestCount()).isEqualTo(3);
  }

  @Test
  void should_wait_as_long_as_telegram_asks_when_rate_limited() {
    botApi.enqueue(new MockResponse().setResponseCode(429).setBody("{\"ok\":false,\"error_code\":429,"
        + "\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}"));

    SendException failure = catchThrowableOfType(SendException.class, () -> channel.send("42", OutgoingMessage.text("hi")));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void should_give_up_on_a_user_who_blocked_the_bot() {
    botApi.enqueue(new MockResponse().setResponseCode(403).setBody("{\"ok\":false,\"error_code\":403,"
        + "\"description\":\"Forbidden: bot was blocked by the user\"}"));

    SendException failure = catchThrowableOfType(SendException.class, () -> channel.send("42", OutgoingMessage.text("hi")));

    assertThat(failure.retryable()).isFalse();
    assertThat(failure.recipientGone()).isTrue();
  }

  @Test
  void should_retry_when_telegram_cannot_be_reached() throws Exception {
    botApi.shutdown();

    SendException failure = catchThrowableOfType(SendException.class, () -> channel.send("42", OutgoingMessage.text("hi")));

    assertThat(failure.retryable()).isTrue();
  }

  @Test
  void should_offer_one_to_five_rating_buttons_after_a_handoff() {
    assertThat(TelegramChannel.keyboard(List.of("rate"), label -> label).getKeyboard().get(0))
        .extracting(button -> button.getCallbackData())
        .containsExactly("rate:1", "rate:2", "rate:3", "rate:4", "rate:5");
  }

  @Test
  void should_offer_choices_three_a_row_as_buttons_that_say_their_text() {
    List<String> choices = List.of("choice:Korea", "choice:Japan", "choice:EU", "choice:건너뛰기", "follow");

    var rows = TelegramChannel.keyboard(choices, label -> label).getKeyboard();

    assertThat(rows.get(0)).extracting(button -> button.getCallbackData()).containsExactly("follow");
    assertThat(rows.get(1)).extracting(button -> button.getCallbackData())
        .containsExactly("say:Korea", "say:Japan", "say:EU");
    assertThat(rows.get(2)).extracting(button -> button.getText()).containsExactly("건너뛰기");
  }

  @Test
  void should_pace_a_chat_to_one_message_a_second_without_calling_telegram() throws Exception {
    botApi.enqueue(new MockResponse().setBody(SENT));
    botApi.enqueue(new MockResponse().setBody(SENT));
    channel.send("42", OutgoingMessage.text("first"));

    SendException paced = catchThrowableOfType(SendException.class, () -> channel.send("42", OutgoingMessage.text("second")));
    channel.send("43", OutgoingMessage.text("another chat"));

    assertThat(paced.paced()).isTrue();
    assertThat(paced.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(botApi.getRequestCount()).isEqualTo(2);
  }

  @Test
  void should_pace_all_chats_to_thirty_messages_a_second() throws Exception {
    for (int chat = 0; chat < TelegramChannel.PER_SECOND; chat++) {
      botApi.enqueue(new MockResponse().setBody(SENT));
      channel.send(String.valueOf(chat), OutgoingMessage.text("hi"));
    }

    SendException paced = catchThrowableOfType(SendException.class, () -> channel.send("999", OutgoingMessage.text("hi")));
    clock.advance(Duration.ofSeconds(1));
    botApi.enqueue(new MockResponse().setBody(SENT));
    channel.send("999", OutgoingMessage.text("hi"));

    assertThat(paced.paced()).isTrue();
    assertThat(botApi.getRequestCount()).isEqualTo(TelegramChannel.PER_SECOND + 1);
  }
}
