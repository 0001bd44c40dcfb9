package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** An SME's question answered through the desk, the outbox and the real Telegram client, to a fake Bot API. */
class TelegramDeliveryIT {
  private static final String SENT = TelegramChannelTest.SENT;

  @TempDir Path data;
  private final MockWebServer botApi = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;

  @BeforeEach
  void start() throws Exception {
    botApi.start();
    TelegramChannel telegram = new TelegramChannel(new OkHttpTelegramClient("1:t",
        new TelegramUrl("http", botApi.getHostName(), botApi.getPort(), false)), ShippedPrompts.messages(), clock,
        TelegramChannel.PER_SECOND);
    services = DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        TestDesk.get().assistant(), Map.of(TelegramChannel.NAME, telegram), new RecordingDesk(), clock);
  }

  @AfterEach
  void stop() throws Exception {
    services.close();
    botApi.shutdown();
  }

  @Test
  void should_deliver_an_answer_with_its_sources_after_a_rate_limit() throws Exception {
    botApi.enqueue(new MockResponse().setResponseCode(429).setBody("{\"ok\":false,\"error_code\":429,"
        + "\"description\":\"Too Many Requests: retry after 3\",\"parameters\":{\"retry_after\":3}}"));
    botApi.enqueue(new MockResponse().setBody(SENT));
    services.desk().receive(new InboundMessage(TelegramChannel.NAME, "42", "Minh", "What is CBAM?", "update-1"));

    assertThat(services.sender().drainOnce()).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(services.sender().drainOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(services.sender().drainOnce()).isOne();

    botApi.takeRequest();
    String text = new ObjectMapper().readTree(botApi.takeRequest().getBody().readUtf8()).get("text").asText();
    assertThat(text).contains("Carbon Border Adjustment Mechanism", "<a href=\"https://");
    assertThat(botApi.getRequestCount()).isEqualTo(2);
    assertThat(services.sender().pending()).isZero();
  }

  @Test
  void should_keep_each_chat_in_order_while_pacing_twenty_chats() throws Exception {
    for (int i = 0; i < 60; i++) {
      botApi.enqueue(new MockResponse().setBody(TelegramChannelTest.SENT));
    }
    for (int chat = 1; chat <= 20; chat++) {
      for (String question : new String[] {"Hello", "What is CBAM?", "thanks"}) {
        services.desk().receive(new InboundMessage(TelegramChannel.NAME, "c" + chat, "SME " + chat, question,
            "c" + chat + ":" + question));
      }
    }

    for (int second = 0; second < 5 && services.sender().pending() > 0; second++) {
      services.sender().drainOnce();
      clock.advance(Duration.ofSeconds(1));
    }

    Map<String, List<String>> byChat = new LinkedHashMap<>();
    for (int i = 0; i < 60; i++) {
      JsonNode sent = new ObjectMapper().readTree(botApi.takeRequest().getBody().readUtf8());
      byChat.computeIfAbsent(sent.get("chat_id").asText(), c -> new ArrayList<>()).add(sent.get("text").asText());
    }
    assertThat(byChat).hasSize(20).allSatisfy((chat, texts) -> assertThat(texts).satisfiesExactly(
        hello -> assertThat(hello).startsWith("Hello!"),
        cbam -> assertThat(cbam).contains("Carbon Border Adjustment Mechanism"),
        thanks -> assertThat(thanks).startsWith("You're welcome")));
    assertThat(services.database().jdbc().queryOne("SELECT MAX(attempts) FROM outbox", row -> row.getInt(1)))
        .contains(1);
  }
}
