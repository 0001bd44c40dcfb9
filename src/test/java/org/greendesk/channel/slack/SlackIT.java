package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.Eventually;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack in HTTP mode as {@code serve} runs it, with real Bolt, against a local fake of the Slack Web API, and an
 * SME on the other side talking through a local fake of the Telegram Bot API. Requests to {@code /slack/events}
 * are signed as Slack signs them.
 */
class SlackIT {
  private static final String ADVISORS = "CADVISORS";

  @TempDir Path data;
  private FakeSlackApi slack;
  private final MockWebServer botApi = new MockWebServer();
  /** Telegram messages to the SME, updates waiting to be polled. */
  private final BlockingQueue<String> toSme = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<String> updates = new ConcurrentLinkedQueue<>();
  private Service service;
  private SignedRequests requests;

  private final class FakeTelegram extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getPath().toLowerCase(Locale.ROOT);
      String method = path.substring(path.lastIndexOf('/') + 1);
      String body = request.getBody().readUtf8();
      return switch (method) {
        case "getme" -> telegram("{\"id\":1,\"is_bot\":true,\"first_name\":\"GreenDesk\",\"username\":\"gd_bot\"}");
        case "getupdates" -> {
          String next = updates.poll();
          yield next == null ? telegram("[]").setBodyDelay(200, TimeUnit.MILLISECONDS) : telegram("[" + next + "]");
        }
        case "sendmessage" -> {
          toSme.add(body);
          yield telegram("{\"message_id\":9,\"date\":1,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"x\"}");
        }
        default -> telegram("true");
      };
    }
  }

  private static MockResponse telegram(String result) {
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true,\"result\":" + result + "}");
  }

  private static String smeSays(int id, String text) throws Exception {
    return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1763884800,"
        + "\"chat\":{\"id\":42,\"type\":\"private\"},\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"Minh\"},"
        + "\"text\":" + SignedRequests.JSON.writeValueAsString(text) + "}}";
  }

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlackApi();
    botApi.setDispatcher(new FakeTelegram());
    botApi.start();
    Map<String, String> env = new HashMap<>(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SignedRequests.SECRET, "SLACK_API_URL",
        slack.apiUrl(), "SLACK_ADVISOR_CHANNEL", ADVISORS, "TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_API_URL",
        botApi.url("/").toString()));
    service = Service.start(Settings.from(env), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    requests = new SignedRequests(service::httpPort, slack.responseUrl());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    slack.close();
    botApi.shutdown();
  }

  private HttpResponse<String> press(String action, long escalation, String user, String cardTs) throws Exception {
    return requests.press(action, String.valueOf(escalation), user, ADVISORS, cardTs);
  }

  private HttpResponse<String> threadReply(String eventId, String user, String text, String threadTs)
      throws Exception {
    return requests.event(eventId, Map.of("type", "message", "channel", ADVISORS, "user", user, "text", text,
        "ts", "5.0" + eventId.length(), "thread_ts", threadTs, "channel_type", "channel"));
  }

  /** The card's message ts, once the desk has recorded it (just after Slack answered the post). */
  private String cardOf(long escalation) {
    SlackCards cards = new SlackCards(service.services().database().jdbc());
    return Eventually.value("the card of escalation " + escalation, () -> cards.forEscalation(escalation)).ts();
  }

  private static String next(BlockingQueue<String> queue, Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String item = queue.poll(100, TimeUnit.MILLISECONDS);
      if (item != null && wanted.test(item)) {
        return item;
      }
    }
    throw new AssertionError("nothing matching arrived");
  }

  @Test
  void should_answer_a_staff_question_only_to_the_asker_with_a_share_button() throws Exception {
    HttpResponse<String> response = requests.command("ask What is CBAM?", "USTAFF");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"response_type\":\"ephemeral\"", "Carbon Border Adjustment Mechanism",
        StaffCommands.SHARE);
  }

  @Test
  void should_give_staff_the_figures_of_the_period_from_the_database() throws Exception {
    updates.add(smeSays(1, "What is CBAM?"));
    next(toSme, m -> m.contains("Carbon Border"));

    HttpResponse<String> today = requests.command("stats today", "USTAFF");
    HttpResponse<String> unknown = requests.command("stats fortnight", "USTAFF");

    assertThat(today.body()).contains("ephemeral", "Figures for today", "Questions: *1*", "answered by the bot 1",
        "Median time to claim: none yet", "Knowledge: ", "with facts marked unconfirmed");
    assertThat(unknown.body()).contains("Say which period");
  }

  @Test
  void should_refuse_forged_and_stale_requests_without_acting() throws Exception {
    String body = SignedRequests.form(Map.of("command", "/greendesk", "text", "queue", "user_id", "U1",
        "team_id", "T1"));

    HttpResponse<String> forged = requests.post(body, "application/x-www-form-urlencoded",
        System.currentTimeMillis() / 1000, "v0=0000000000000000000000000000000000000000000000000000000000000000");
    long stale = System.currentTimeMillis() / 1000 - 600;
    HttpResponse<String> old = requests.post(body, "application/x-www-form-urlencoded", stale,
        new SlackSignature.Generator(SignedRequests.SECRET).generate(String.valueOf(stale), body));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(forged.body() + old.body()).doesNotContain("escalations");
  }

  @Test
  void should_run_a_handoff_from_card_to_thread_and_back_with_the_sme_on_telegram() throws Exception {
    // given an SME who asks Telegram for a person: the card appears in the advisors' channel
    updates.add(smeSays(1, "I would like to talk to a person about CBAM"));
    String card = slack.next(c -> c.startsWith("chat.postMessage") && c.contains(EscalationCard.CLAIM));
    long escalation = service.services().escalations().open().get(0).id();
    String cardTs = cardOf(escalation);

    // when an advisor claims it, a second one tries too, and the first replies in the thread (twice delivered)
    assertThat(press(EscalationCard.CLAIM, escalation, "UANNA", cardTs).statusCode()).isEqualTo(200);
    String updated = slack.next(c -> c.startsWith("chat.update") && c.contains(EscalationCard.RESOLVE));
    press(EscalationCard.CLAIM, escalation, "UBEN", cardTs);
    String refused = slack.next("chat.postEphemeral");
    threadReply("Ev1", "UANNA", "Hello Minh, CBAM reporting is quarterly. note: not a note", cardTs);
    threadReply("Ev1", "UANNA", "Hello Minh, CBAM reporting is quarterly. note: not a note", cardTs);
    threadReply("Ev2", "UANNA", "note: check their CN codes first", cardTs);

    // then the SME hears that Anna joined, then gets her reply once, and not the note
    assertThat(updated).contains("Claimed by *Anna*");
    assertThat(card).contains("channel=" + ADVISORS, "Minh", "talk to a person about CBAM");
    assertThat(refused).contains("user=UBEN", "claimed by Anna");
    assertThat(next(toSme, m -> m.contains("has joined"))).contains("Anna");
    assertThat(next(toSme, m -> m.contains("quarterly"))).contains("Anna: Hello Minh");
    threadReply("Ev3", "UANNA", "One more thing: keep your invoices.", cardTs);
    assertThat(toSme.poll(30, TimeUnit.SECONDS)).as("the retried event is relayed once; the note stays")
        .contains("One more thing");

    // and the SME's answer reaches the card's thread
    updates.add(smeSays(2, "Thanks! Which CN codes?"));
    String relayed = slack.next(c -> c.startsWith("chat.postMessage") && c.contains("Which CN codes"));
    assertThat(relayed).contains("thread_ts=" + cardTs);
  }
}
