package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code serve} runs it, with the real library, against a local fake of the Bot API: long polling
 * by default, webhook mode when a webhook address is set.
 */
class TelegramBotIT {
  private static final String SECRET = "s3cret-Token_1";

  @TempDir Path data;
  private final MockWebServer botApi = new MockWebServer();
  private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger polls = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private @Nullable Service service;

  /** A fake Bot API: method names match in any case, and getUpdates holds like Telegram's long poll. */
  private final class FakeBotApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getPath() == null ? "" : request.getPath().toLowerCase(Locale.ROOT);
      String body = request.getBody().readUtf8();
      String method = path.substring(path.lastIndexOf('/') + 1);
      if (!method.equals("getupdates") && !method.equals("sendchataction")) {
        calls.add(method + " " + body);
      }
      switch (method) {
        case "getme":
          return ok("{\"id\":1,\"is_bot\":true,\"first_name\":\"GreenDesk\",\"username\":\"greendesk_bot\"}");
        case "setmycommands", "deletewebhook", "setwebhook", "sendchataction":
          return ok("true");
        case "getupdates":
          if (polls.getAndIncrement() == 0) {
            return ok("[" + question(1, 10) + "," + question(2, 10) + "]"); // the second is a redelivery
          }
          return ok("[]").setBodyDelay(300, TimeUnit.MILLISECONDS);
        case "sendmessage":
          sent.add(body);
          return ok("{\"message_id\":99,\"date\":1763884800,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}");
        default:
          return new MockResponse().setResponseCode(404).setBody("{\"ok\":false,\"error_code\":404}");
      }
    }
  }

  private static String question(int updateId, int messageId) {
    return question(updateId, messageId, "What is CBAM?");
  }

  private static String question(int updateId, int messageId, String text) {
    return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"date\":1763884800,"
        + "\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"Minh\"},"
        + "\"text\":\"" + text + "\"}}";
  }

  /**
   * Posts a later message (small talk, answered without sources) in the same chat and waits for its answer: the chat's messages go out in order, so
   * whatever the earlier updates caused has been sent by then.
   */
  private String answerToALaterMessage(int updateId) throws Exception {
    assertThat(post(TelegramWebhook.PATH, SECRET, question(updateId, updateId * 10, "Thanks!")).statusCode())
        .isEqualTo(200);
    return sent.poll(30, TimeUnit.SECONDS);
  }

  private static MockResponse ok(String result) {
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true,\"result\":" + result + "}");
  }

  @BeforeEach
  void startFake() throws Exception {
    botApi.setDispatcher(new FakeBotApi());
    botApi.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    botApi.shutdown();
  }

  private Service serve(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "TELEGRAM_BOT_TOKEN", "123:token", "TELEGRAM_API_URL", botApi.url("/").toString()));
    env.putAll(extra);
    service = Service.start(Settings.from(env), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    return service;
  }

  private HttpResponse<String> post(String path, @Nullable String secret, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(TelegramWebhook.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_register_commands_and_answer_a_polled_question_once() throws Exception {
    // when
    serve(Map.of());

    // then
    assertThat(sent.poll(30, TimeUnit.SECONDS)).contains("Carbon Border Adjustment Mechanism", "\"chat_id\":\"42\"");
    assertThat(sent.poll(2, TimeUnit.SECONDS)).as("the redelivered update is answered once").isNull();
    assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("setmycommands").contains("\"command\":\"forget\""));
  }

  @Test
  void should_register_the_webhook_with_its_secret_and_answer_a_posted_update_once() throws Exception {
    // given
    serve(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET", SECRET));

    // when
    HttpResponse<String> first = post(TelegramWebhook.PATH, SECRET, question(5, 50));
    HttpResponse<String> again = post(TelegramWebhook.PATH, SECRET, question(5, 50));

    // then
    assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("setwebhook")
        .contains("https://desk.example.org/telegram/webhook", SECRET));
    assertThat(calls).noneMatch(c -> c.startsWith("getupdates"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(sent.poll(30, TimeUnit.SECONDS)).contains("Carbon Border Adjustment Mechanism");
    assertThat(answerToALaterMessage(9)).as("the redelivered update is answered once")
        .doesNotContain("Carbon Border Adjustment Mechanism");
    assertThat(polls).hasValue(0);
  }

  @Test
  void should_have_sent_the_answer_to_an_update_accepted_just_before_the_service_stopped() throws Exception {
    // given
    serve(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET", SECRET));
    HttpResponse<String> accepted = post(TelegramWebhook.PATH, SECRET, question(8, 80));

    // when
    service.close();
    service = null;

    // then
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(sent.poll()).as("sent before close returned").contains("Carbon Border Adjustment Mechanism");
  }

  @Test
  void should_refuse_webhook_posts_without_the_right_secret_and_answer_nothing() throws Exception {
    // given
    serve(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET", SECRET));

    // when
    HttpResponse<String> missing = post(TelegramWebhook.PATH, null, question(6, 60));
    HttpResponse<String> wrong = post(TelegramWebhook.PATH, SECRET + "x", question(7, 70));
    HttpResponse<String> malformed = post(TelegramWebhook.PATH, SECRET, "{\"update_id\": \"not a number\"");

    // then
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("not a Telegram update");
    assertThat(answerToALaterMessage(11)).as("nothing was answered before")
        .doesNotContain("Carbon Border Adjustment Mechanism");
  }

  @Test
  void should_answer_health_checks_while_serving() throws Exception {
    // given
    serve(Map.of());

    // when
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + service.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("up");
  }
}
