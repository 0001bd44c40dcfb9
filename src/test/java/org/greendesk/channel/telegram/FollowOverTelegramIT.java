package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.follow.SmallKnowledge;
import org.greendesk.follow.TellingReload;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Following over Telegram, end to end: updates from a fake Bot API through the desk, the knowledge reloaded and the
 * reminders' rounds, and what the real Telegram client then sends to the fake.
 */
class FollowOverTelegramIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A chat whose user blocked the bot: the Bot API refuses to send to it. */
  private static final String BLOCKED_CHAT = "44";

  @TempDir Path data;
  @TempDir Path knowledge;
  private final MockWebServer botApi = new MockWebServer();
  /** Every message sent, as the Bot API received it. */
  private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
  /** 27 days before the Korean forum of the small knowledge folder (20 December 2026). */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Settings settings;
  private GreenDesk greenDesk;
  private TelegramClient client;
  private DeskServices services;
  private TelegramUpdates updates;

  @BeforeEach
  void start() throws Exception {
    botApi.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (!request.getPath().toLowerCase().endsWith("/sendmessage")) {
          return new MockResponse().setBody("{\"ok\":true,\"result\":true}");
        }
        try {
          JsonNode body = JSON.readTree(request.getBody().readUtf8());
          if (body.path("chat_id").asText().equals(BLOCKED_CHAT)) {
            return new MockResponse().setResponseCode(403).setBody("{\"ok\":false,\"error_code\":403,"
                + "\"description\":\"Forbidden: bot was blocked by the user\"}");
          }
          sent.add(body);
          return new MockResponse().setBody(TelegramChannelTest.SENT);
        } catch (java.io.IOException e) {
          return new MockResponse().setResponseCode(400);
        }
      }
    });
    botApi.start();
    SmallKnowledge.write(knowledge, "Declarations are due by 31 May.");
    settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_KNOWLEDGE_DIR",
        knowledge.toString()));
    greenDesk = GreenDesk.open(settings, new HashingEmbedder(), RetrievalSettings.defaults(), clock);
    client = new OkHttpTelegramClient("1:t", new TelegramUrl("http", botApi.getHostName(), botApi.getPort(), false));
    open();
  }

  /** The desk and the outbox on the data folder's H2 file, as a start of the service opens them. */
  private void open() {
    TelegramChannel telegram = new TelegramChannel(client, ShippedPrompts.messages(), clock,
        TelegramChannel.PER_SECOND);
    services = DeskServices.withDesk(settings, greenDesk::assistant, Map.of(TelegramChannel.NAME, telegram),
        new RecordingDesk(), clock, new SimpleMeterRegistry());
    updates = new TelegramUpdates(services.desk(), client, "greendesk_bot",
        new TypingIndicator(client, Duration.ofHours(1)));
  }

  @AfterEach
  void stop() throws Exception {
    services.close();
    greenDesk.close();
    botApi.shutdown();
  }

  private static Update text(int updateId, String chat, String text) throws Exception {
    return JSON.readValue(("{'update_id':" + updateId + ",'message':{'message_id':" + updateId + ",'date':1763884800,"
        + "'chat':{'id':" + chat + ",'type':'private'},'from':{'id':" + chat + ",'is_bot':false,'first_name':'Minh',"
        + "'language_code':'en'},'text':'" + text + "'}}").replace('\'', '"'), Update.class);
  }

  private static Update button(int updateId, String chat, String data) throws Exception {
    return JSON.readValue(("{'update_id':" + updateId + ",'callback_query':{'id':'cb" + updateId + "','from':{'id':"
        + chat + ",'is_bot':false,'first_name':'Minh'},'chat_instance':'x','data':'" + data + "','message':{"
        + "'message_id':5,'date':1763884800,'chat':{'id':" + chat + ",'type':'private'},'text':'an answer'}}}")
        .replace('\'', '"'), Update.class);
  }

  /** Drains the outbox as the sender would, a second at a time, as Telegram's pace per chat allows. */
  private void deliver() {
    for (int second = 0; second < 20 && services.sender().pending() > 0; second++) {
      services.sender().drainOnce();
      clock.advance(Duration.ofSeconds(1));
    }
  }

  private List<String> texts(String chat) {
    return sent.stream().filter(m -> m.path("chat_id").asText().equals(chat)).map(m -> m.path("text").asText())
        .toList();
  }

  @Test
  void should_tell_the_follower_of_a_changed_document_once_and_a_non_follower_nothing() throws Exception {
    KnowledgeReload reload = new TellingReload(greenDesk::reload, greenDesk::knowledge,
        services.follows().notices());
    updates.handle(text(1, "42", "What is CBAM?"));
    deliver();
    assertThat(sent).singleElement().satisfies(answer -> assertThat(answer.path("reply_markup").toString())
        .contains("\"callback_data\":\"follow\""));

    updates.handle(button(2, "42", "follow"));
    updates.handle(text(3, "43", "/follow events Korea"));
    deliver();
    SmallKnowledge.write(knowledge, "Declarations are due by 30 June.");
    reload.reload();
    reload.reload();
    deliver();

    assertThat(texts("42")).filteredOn(t -> t.startsWith("You now follow")).containsExactly(
        "You now follow EU CBAM. I'll tell you when it changes, and remind you 30 and 7 days before its dates.");
    assertThat(texts("42")).filteredOn(t -> t.contains("Update to EU CBAM")).singleElement().asString()
        .contains("changed Deadlines", "carbon-border-adjustment-mechanism_en");
    assertThat(texts("43")).noneMatch(t -> t.contains("Update to"));
  }

  @Test
  void should_remind_once_across_a_restart_and_never_a_chat_that_blocked_the_bot() throws Exception {
    updates.handle(text(1, "43", "/follow events Korea"));
    updates.handle(text(2, BLOCKED_CHAT, "/follow events Korea"));
    deliver();

    int before = services.follows().reminders().run();
    deliver();
    services.close();
    open();
    int after = services.follows().reminders().run();
    deliver();

    assertThat(before).isOne();
    assertThat(after).isZero();
    assertThat(texts("43")).filteredOn(t -> t.startsWith("Reminder:")).singleElement().asString()
        .startsWith("Reminder: Korea Green SME Forum is on December 20, 2026, in 27 days.")
        .contains("<a href=\"https://example.org/kr-forum\">");
    assertThat(texts(BLOCKED_CHAT)).isEmpty();
  }
}
