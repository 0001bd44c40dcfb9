package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
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
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot in long-polling mode, with the real library, against a local fake of the Bot API. */
class TelegramBotIT {
  @TempDir Path data;
  private final MockWebServer botApi = new MockWebServer();
  private final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();
  private final AtomicInteger polls = new AtomicInteger();
  private DeskServices services;
  private TelegramBot bot;

  /** A fake Bot API: method names match in any case, and getUpdates holds like Telegram's long poll. */
  private final class FakeBotApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getPath() == null ? "" : request.getPath().toLowerCase(Locale.ROOT);
      String body = request.getBody().readUtf8();
      if (path.endsWith("/getme")) {
        return ok("{\"id\":1,\"is_bot\":true,\"first_name\":\"GreenDesk\",\"username\":\"greendesk_bot\"}");
      }
      if (path.endsWith("/setmycommands")) {
        commands.add(body);
        return ok("true");
      }
      if (path.endsWith("/deletewebhook") || path.endsWith("/sendchataction")) {
        return ok("true");
      }
      if (path.endsWith("/getupdates")) {
        if (polls.getAndIncrement() == 0) {
          return ok("[" + question(1, 10) + "," + question(2, 10) + "]"); // the second is a redelivery
        }
        return ok("[]").setBodyDelay(500, TimeUnit.MILLISECONDS);
      }
      if (path.endsWith("/sendmessage")) {
        sent.add(body);
        return ok("{\"message_id\":99,\"date\":1763884800,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}");
      }
      return new MockResponse().setResponseCode(404).setBody("{\"ok\":false,\"error_code\":404}");
    }
  }

  private static String question(int updateId, int messageId) {
    return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + messageId + ",\"date\":1763884800,"
        + "\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"Minh\"},"
        + "\"text\":\"What is CBAM?\"}}";
  }

  private static MockResponse ok(String result) {
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true,\"result\":" + result + "}");
  }

  @BeforeEach
  void start() throws Exception {
    botApi.setDispatcher(new FakeBotApi());
    botApi.start();
    bot = new TelegramBot("123:token", URI.create(botApi.url("/").toString()));
    services = DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        TestDesk.get().assistant(), Map.of(TelegramChannel.NAME, bot.channel()), new RecordingDesk(),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    services.close();
    botApi.shutdown();
  }

  /** Drains the outbox until a message reaches the fake, or the deadline passes. */
  private @Nullable String nextSent(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      services.sender().drainOnce();
      String body = sent.poll(100, TimeUnit.MILLISECONDS);
      if (body != null) {
        return body;
      }
    }
    return null;
  }

  @Test
  void should_register_commands_and_answer_a_polled_question_once() throws Exception {
    bot.start(services.desk());

    String answer = nextSent(30);
    String again = nextSent(2);

    assertThat(commands.poll(5, TimeUnit.SECONDS)).contains("\"command\":\"advisor\"", "\"command\":\"forget\"");
    assertThat(answer).contains("Carbon Border Adjustment Mechanism", "\"chat_id\":\"42\"");
    assertThat(again).as("the redelivered update is answered once").isNull();
  }
}
