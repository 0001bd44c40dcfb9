package org.greendesk.channel.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.handoff.EscalationState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code serve} runs it with LINE configured: signed webhook posts in, the real SDK client pushing
 * to a local fake of the Messaging API.
 */
class LineIT {
  private static final String SECRET = "channel-secret-1234";
  private static final String TOKEN = "channel-access-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private final MockWebServer lineApi = new MockWebServer();
  private final BlockingQueue<RecordedRequest> pushes = new LinkedBlockingQueue<>();
  /** Pushes the fake refuses with a 429 before it accepts one. */
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private @Nullable Service service;

  /** A fake Messaging API: accepts pushes (after the rate limits asked for) and replies. */
  private final class FakeLineApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath() == null ? "" : request.getPath();
      if (path.equals("/v2/bot/message/push")) {
        pushes.add(request);
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          return json(429, "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}");
        }
        return json(200, "{\"sentMessages\":[{\"id\":\"461230966842064897\",\"quoteToken\":\"q\"}]}");
      }
      if (path.equals("/v2/bot/message/reply")) {
        return json(200, "{\"sentMessages\":[]}");
      }
      return json(404, "{\"message\":\"Not found\"}");
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  @BeforeEach
  void start() throws Exception {
    lineApi.setDispatcher(new FakeLineApi());
    lineApi.start();
    service = Service.start(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "LINE_CHANNEL_SECRET", SECRET, "LINE_CHANNEL_ACCESS_TOKEN", TOKEN,
        "LINE_API_URL", lineApi.url("/").toString())), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    lineApi.shutdown();
  }

  private static String textEvent(String messageId, String text, boolean redelivery) throws Exception {
    return "{\"destination\":\"Ubot\",\"events\":[{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1763884800000,"
        + "\"source\":{\"type\":\"user\",\"userId\":\"U4af4980629\"},\"webhookEventId\":\"01EV" + messageId + "\","
        + "\"deliveryContext\":{\"isRedelivery\":" + redelivery + "},\"replyToken\":\"r-" + messageId + "\","
        + "\"message\":{\"type\":\"text\",\"id\":\"" + messageId + "\",\"quoteToken\":\"q\",\"text\":"
        + JSON.writeValueAsString(text) + "}}]}";
  }

  private static String postback(String data) {
    return "{\"destination\":\"Ubot\",\"events\":[{\"type\":\"postback\",\"mode\":\"active\",\"timestamp\":1763884800000,"
        + "\"source\":{\"type\":\"user\",\"userId\":\"U4af4980629\"},\"webhookEventId\":\"01EVpostback\","
        + "\"deliveryContext\":{\"isRedelivery\":false},\"replyToken\":\"r-postback\",\"postback\":{\"data\":\""
        + data + "\"}}]}";
  }

  /** A user adding ({@code follow}) or blocking ({@code unfollow}) the bot. */
  private static String friendship(String type, String eventId) {
    return "{\"destination\":\"Ubot\",\"events\":[{\"type\":\"" + type + "\",\"mode\":\"active\","
        + "\"timestamp\":1763884800000,\"source\":{\"type\":\"user\",\"userId\":\"U4af4980629\"},"
        + "\"webhookEventId\":\"" + eventId + "\",\"deliveryContext\":{\"isRedelivery\":false}"
        + ("follow".equals(type) ? ",\"replyToken\":\"r-" + eventId + "\",\"follow\":{\"isUnblocked\":true}" : "")
        + "}]}";
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + LineWebhook.PATH))
        .header("Content-Type", "application/json").header(LineWebhook.SIGNATURE_HEADER, signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postSigned(String body) throws Exception {
    return post(body, LineWebhook.signature(body.getBytes(StandardCharsets.UTF_8),
        new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
  }

  /**
   * Posts a later message (small talk, answered without sources) from the same user and returns the text of the next push: the chat's messages go out
   * in order, so whatever the earlier events caused has been pushed by then.
   */
  private String answerToALaterMessage(String messageId) throws Exception {
    assertThat(postSigned(textEvent(messageId, "Thanks!", false)).statusCode()).isEqualTo(200);
    return firstMessage(nextPush()).path("text").asText();
  }

  private RecordedRequest nextPush() throws InterruptedException {
    RecordedRequest push = pushes.poll(30, TimeUnit.SECONDS);
    assertThat(push).as("a push to the fake LINE API").isNotNull();
    return push;
  }

  private static JsonNode firstMessage(RecordedRequest push) throws Exception {
    return JSON.readTree(push.getBody().readUtf8()).path("messages").get(0);
  }

  private long count(String table) {
    return service.services().database().jdbc().queryOne("SELECT COUNT(*) FROM " + table, row -> row.getLong(1))
        .orElseThrow();
  }

  @Test
  void should_push_the_answer_with_quick_replies_to_a_signed_text_event() throws Exception {
    // when
    HttpResponse<String> response = postSigned(textEvent("5001", "What is CBAM?", false));

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest push = nextPush();
    assertThat(push.getPath()).isEqualTo("/v2/bot/message/push");
    assertThat(push.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(push.getHeader("X-Line-Retry-Key")).isNotBlank();
    JsonNode body = JSON.readTree(push.getBody().readUtf8());
    assertThat(body.path("to").asText()).isEqualTo("U4af4980629");
    JsonNode message = body.path("messages").get(0);
    assertThat(message.path("type").asText()).isEqualTo("text");
    assertThat(message.path("text").asText()).contains("Carbon Border Adjustment Mechanism");
    JsonNode items = message.path("quickReply").path("items");
    assertThat(items.findValuesAsText("data")).containsExactly(LineChannel.HELPFUL, LineChannel.NOT_HELPFUL,
        LineChannel.ADVISOR, LineChannel.FOLLOW);
    assertThat(items.findValuesAsText("label")).contains("👍 Helpful", "Talk to an advisor", "🔔 Follow updates");
  }

  @Test
  void should_refuse_a_wrong_signature_and_store_nothing() throws Exception {
    // given
    String body = textEvent("5002", "What is CBAM?", false);

    // when
    HttpResponse<String> forged = post(body, "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ==");
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.httpPort() + LineWebhook.PATH))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(count("messages")).isZero();
    assertThat(count("conversations")).isZero();
    assertThat(pushes).isEmpty();
  }

  @Test
  void should_answer_a_redelivered_event_once() throws Exception {
    // when
    HttpResponse<String> first = postSigned(textEvent("5003", "What is CBAM?", false));
    HttpResponse<String> again = postSigned(textEvent("5003", "What is CBAM?", true));

    // then
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(firstMessage(nextPush()).path("text").asText()).contains("Carbon Border Adjustment Mechanism");
    assertThat(answerToALaterMessage("5013")).as("the redelivered event is answered once")
        .doesNotContain("Carbon Border Adjustment Mechanism");
  }

  @Test
  void should_say_a_message_of_5000_characters_is_too_long() throws Exception {
    // when
    postSigned(textEvent("5004", "carbon ".repeat(715).substring(0, 5000), false));

    // then
    assertThat(firstMessage(nextPush()).path("text").asText()).contains("too long");
  }

  @Test
  void should_open_an_escalation_when_the_advisor_button_is_pressed() throws Exception {
    // given
    postSigned(textEvent("5005", "What is CBAM?", false));
    nextPush();

    // when
    HttpResponse<String> pressed = postSigned(postback(LineChannel.ADVISOR));

    // then
    assertThat(pressed.statusCode()).isEqualTo(200);
    nextPush();
    assertThat(service.services().escalations().count(EscalationState.QUEUED)).isEqualTo(1);
  }

  @Test
  void should_stop_sending_to_a_user_who_blocked_the_bot_until_they_add_it_again() throws Exception {
    // given a user the bot has answered
    postSigned(textEvent("5007", "What is CBAM?", false));
    nextPush();

    // when they block the bot
    assertThat(postSigned(friendship("unfollow", "01EVunfollow")).statusCode()).isEqualTo(200);

    // then they are marked blocked
    assertThat(count("smes WHERE blocked = TRUE")).isEqualTo(1);

    // and when they add it again, the mark is cleared and they are welcomed
    assertThat(postSigned(friendship("follow", "01EVfollow")).statusCode()).isEqualTo(200);
    nextPush();
    assertThat(count("smes WHERE blocked = TRUE")).isZero();
  }

  @Test
  void should_push_again_when_line_answers_429() throws Exception {
    // given
    rateLimited.set(1);

    // when
    postSigned(textEvent("5006", "What is CBAM?", false));

    // then
    RecordedRequest refused = nextPush();
    RecordedRequest retried = nextPush();
    assertThat(retried.getHeader("X-Line-Retry-Key")).as("LINE accepts a retried push once")
        .isEqualTo(refused.getHeader("X-Line-Retry-Key"));
    assertThat(firstMessage(retried).path("text").asText()).contains("Carbon Border Adjustment Mechanism");
    assertThat(answerToALaterMessage("5016")).as("delivered on the second push")
        .doesNotContain("Carbon Border Adjustment Mechanism");
  }
}
