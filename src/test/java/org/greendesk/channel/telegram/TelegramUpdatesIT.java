package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.delivery.RecordingChannel;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.messages.Messages;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Telegram updates, as the Bot API sends them, through the desk to what the SME receives. */
class TelegramUpdatesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Messages EN = ShippedPrompts.messages();
  @TempDir Path data;
  private final MockWebServer botApi = new MockWebServer();
  private final RecordingChannel sme = new RecordingChannel(TelegramChannel.NAME);
  private final RecordingDesk advisors = new RecordingDesk();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;
  private TelegramUpdates updates;

  /** Every Bot API call the updates make (typing, callback answers), in order. */
  private final BlockingQueue<RecordedRequest> calls = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    botApi.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.add(request);
        return new MockResponse().setBody("{\"ok\":true,\"result\":true}");
      }
    });
    botApi.start();
    services = DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        TestDesk.get().assistant(), Map.of(TelegramChannel.NAME, sme), advisors, clock);
    TelegramClient client = new OkHttpTelegramClient("1:t",
        new TelegramUrl("http", botApi.getHostName(), botApi.getPort(), false));
    // No delay, so that every message shows the hint and the calls come in a known order.
    updates = new TelegramUpdates(services.desk(), client, "greendesk_bot",
        new TypingIndicator(client, Duration.ZERO));
  }

  @AfterEach
  void stop() throws Exception {
    services.close();
    botApi.shutdown();
  }

  private static Update update(String json) throws Exception {
    return JSON.readValue(json.replace('\'', '"'), Update.class);
  }

  private static Update text(int updateId, int messageId, String chatType, String text) throws Exception {
    return text(updateId, messageId, chatType, text, "en");
  }

  /** @param appLanguage the language the user's Telegram app is in */
  private static Update text(int updateId, int messageId, String chatType, String text, String appLanguage)
      throws Exception {
    return update("{'update_id':" + updateId + ",'message':{'message_id':" + messageId + ",'date':1763884800,"
        + "'chat':{'id':42,'type':'" + chatType + "'},'from':{'id':7,'is_bot':false,'first_name':'Minh',"
        + "'language_code':'" + appLanguage + "'},'text':'" + text + "'}}");
  }

  private static Update button(String data) throws Exception {
    return update("{'update_id':90,'callback_query':{'id':'cb1','from':{'id':7,'is_bot':false,'first_name':'Minh'},"
        + "'chat_instance':'x','data':'" + data + "','message':{'message_id':5,'date':1763884800,"
        + "'chat':{'id':42,'type':'private'},'text':'an answer'}}}");
  }

  private java.util.List<String> delivered() {
    services.sender().drainOnce();
    return sme.texts("42");
  }

  @Test
  void should_answer_a_question_once_when_the_update_is_delivered_twice() throws Exception {
    updates.handle(text(1, 10, "private", "What is CBAM?"));
    updates.handle(text(1, 10, "private", "What is CBAM?"));

    assertThat(delivered()).singleElement().asString().contains("Carbon Border Adjustment Mechanism");
  }

  @Test
  void should_answer_a_5000_character_message_with_a_clear_reply() throws Exception {
    updates.handle(text(1, 10, "private", "We make steel parts. ".repeat(250)));
    updates.handle(text(2, 11, "private", "What is CBAM?"));

    assertThat(delivered()).satisfiesExactly(
        tooLong -> assertThat(tooLong).contains("too long"),
        answer -> assertThat(answer).contains("Carbon Border Adjustment Mechanism"));
  }

  @Test
  void should_welcome_help_and_answer_commands() throws Exception {
    updates.handle(text(1, 10, "private", "/start"));
    updates.handle(text(2, 11, "private", "/teleport"));
    updates.handle(text(3, 12, "private", "/events Korea"));

    assertThat(delivered()).satisfiesExactly(
        welcome -> assertThat(welcome).startsWith("Hello! I'm GreenDesk"),
        unknown -> assertThat(unknown).contains("I don't know that command", "/help"),
        events -> assertThat(events).contains("ENVEX"));
  }

  @Test
  void should_reply_politely_to_a_sticker_and_keep_answering() throws Exception {
    updates.handle(update("{'update_id':1,'message':{'message_id':10,'date':1763884800,'chat':{'id':42,"
        + "'type':'private'},'sticker':{'file_id':'s','file_unique_id':'u','type':'regular','width':1,'height':1,"
        + "'is_animated':false,'is_video':false}}}"));
    updates.handle(update("{'update_id':2,'message':{'message_id':11}}")); // malformed: no chat
    updates.handle(text(3, 12, "private", "What is REACH?"));

    assertThat(delivered()).satisfiesExactly(
        sticker -> assertThat(sticker).isEqualTo(EN.text("en", "text_only")),
        answer -> assertThat(answer).contains("REACH"));
  }

  @Test
  void should_answer_in_a_group_only_when_addressed() throws Exception {
    updates.handle(text(1, 10, "group", "What is CBAM?"));
    updates.handle(text(2, 11, "group", "@greendesk_bot What is CBAM?"));

    assertThat(delivered()).singleElement().asString().contains("Carbon Border Adjustment Mechanism");
  }

  @Test
  void should_store_feedback_from_a_button_and_always_answer_the_callback() throws Exception {
    updates.handle(text(1, 10, "private", "What is CBAM?"));

    updates.handle(button(TelegramChannel.HELPFUL));

    assertThat(calls).extracting(RecordedRequest::getPath).satisfiesExactly(
        typing -> assertThat(typing).containsIgnoringCase("sendchataction"),
        answered -> assertThat(answered).containsIgnoringCase("answercallbackquery"));
    long conversation = services.conversations().find(TelegramChannel.NAME, "42").orElseThrow().id();
    assertThat(services.conversations().feedbackCounts(conversation)).containsExactly(1, 0);
  }

  @Test
  void should_hand_off_from_the_advisor_button() throws Exception {

    updates.handle(button(TelegramChannel.ADVISOR));

    assertThat(services.escalations().open()).singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("the SME asked for a person"));
  }

  @Test
  void should_confirm_leaving_the_advisor_queue_once() throws Exception {
    updates.handle(button(TelegramChannel.ADVISOR));

    updates.handle(text(2, 11, "private", "/cancel"));
    updates.handle(text(3, 12, "private", "/cancel"));

    assertThat(delivered()).filteredOn(t -> t.contains("advisor queue") || t.contains("not waiting"))
        .containsExactly("You have left the advisor queue.", "You are not waiting for an advisor.");
  }

  @Test
  void should_forget_only_after_confirmation() throws Exception {
    updates.handle(text(1, 10, "private", "What is CBAM?"));
    updates.handle(text(2, 11, "private", "/forget"));
    long conversation = services.conversations().find(TelegramChannel.NAME, "42").orElseThrow().id();
    assertThat(services.conversations().transcript(conversation)).isNotEmpty();

    updates.handle(button(TelegramChannel.FORGET));

    assertThat(services.conversations().transcript(conversation)).isEmpty();
    assertThat(delivered()).as("nothing still pending reaches a forgotten SME").isEmpty();
  }

  @Test
  void should_welcome_a_new_user_in_the_language_of_their_app_and_label_the_buttons_in_it() throws Exception {
    updates.handle(text(1, 10, "private", "/start", "ko"));
    updates.handle(text(2, 11, "private", "CBAM?", "ko"));

    assertThat(delivered()).first().isEqualTo(EN.text("ko", "welcome"));
    assertThat(sme.sent()).last().satisfies(answer -> {
      assertThat(answer.message().language()).as("a word too short to tell keeps the SME's language").isEqualTo("ko");
      assertThat(answer.message().actions()).contains("advisor");
    });
  }

  @Test
  void should_answer_in_the_language_the_sme_chose_until_they_choose_another() throws Exception {
    updates.handle(text(1, 10, "private", "/language vi"));
    updates.handle(text(2, 11, "private", "What is the CBAM definitive period start date?"));
    updates.handle(text(3, 12, "private", "/language"));

    assertThat(delivered()).satisfiesExactly(
        set -> assertThat(set).isEqualTo(EN.text("vi", "language_set")),
        answer -> assertThat(answer).contains(EN.text("vi", "source_says")),
        choose -> assertThat(choose).contains("ko (한국어)", "th (ภาษาไทย)"));
  }

  @Test
  void should_record_a_rating_from_a_button_and_not_take_a_typed_digit_for_one() throws Exception {
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    updates.handle(button(TelegramChannel.ADVISOR));
    long escalation = services.escalations().open().get(0).id();
    services.handoffs().claim(escalation, "kim");
    services.handoffs().resolve(escalation, "kim");

    updates.handle(text(2, 11, "private", "2"));
    updates.handle(button(TelegramChannel.RATE + "5"));

    assertThat(services.database().jdbc().queryOne("SELECT rating FROM escalations WHERE id = ?",
        row -> row.getInt(1), escalation)).contains(5);
    assertThat(delivered()).last().isEqualTo(EN.text("en", "rating_thanks"));
  }

  @Test
  void should_ask_a_flooding_chat_to_slow_down_once_and_keep_its_conversation() throws Exception {
    // given a chat that has sent as many messages as a minute allows
    int allowed = FloodGuard.MESSAGES_PER_MINUTE;
    for (int i = 1; i <= allowed; i++) {
      updates.handle(text(i, 100 + i, "private", "hello"));
    }

    // when it sends three more within the minute, then one after it
    for (int i = allowed + 1; i <= allowed + 3; i++) {
      updates.handle(text(i, 100 + i, "private", "hello"));
    }
    clock.advance(Duration.ofMinutes(1));
    updates.handle(text(allowed + 4, 200, "private", "hello"));

    // then it is told once to slow down, the rest of the flood is dropped, and the conversation goes on
    assertThat(delivered()).filteredOn(EN.text("en", "slow_down")::equals).hasSize(1);
    assertThat(delivered()).hasSize(allowed + 2).last().isNotEqualTo(EN.text("en", "slow_down"));
  }

  @Test
  void should_relay_both_ways_while_an_advisor_holds_the_conversation() throws Exception {
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    updates.handle(text(1, 10, "private", "/advisor"));
    long escalation = services.escalations().open().get(0).id();
    services.handoffs().claim(escalation, "kim");

    updates.handle(text(2, 11, "private", "Our declaration number is 123"));
    services.handoffs().reply(escalation, "kim", "Thanks, I am checking it.");

    assertThat(delivered()).containsSubsequence("Kim has joined the conversation and will reply here.",
        "Kim: Thanks, I am checking it.");
    assertThat(advisors.relayed(escalation)).containsExactly("Minh: Our declaration number is 123");
  }
}
