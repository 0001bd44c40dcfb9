package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode with real Bolt: the fake Web API hands out the address of a local WebSocket server
 * ({@code apps.connections.open}), which plays Slack's side: it says hello, pushes envelopes and reads the acks.
 */
class SlackSocketModeIT {
  @TempDir Path data;
  private FakeSlackApi slack;
  private FakeSocket socket;
  private Service service;

  /** Slack's end of the socket: envelopes pushed to the app, the app's acks received. */
  private static final class FakeSocket extends WebSocketServer {
    final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch connected = new CountDownLatch(1);
    volatile WebSocket app;

    FakeSocket() {
      super(new InetSocketAddress("127.0.0.1", 0));
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      app = conn;
      conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      acks.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }

    String ack(String envelopeId) throws InterruptedException {
      for (String ack = acks.poll(30, TimeUnit.SECONDS); ack != null; ack = acks.poll(30, TimeUnit.SECONDS)) {
        if (ack.contains("\"envelope_id\":\"" + envelopeId + "\"")) {
          return ack;
        }
      }
      throw new AssertionError("no ack for " + envelopeId);
    }
  }

  @BeforeEach
  void start() throws Exception {
    socket = new FakeSocket();
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    slack = new FakeSlackApi();
    slack.answer("apps.connections.open", "\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"");
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        // No signing secret: Socket Mode needs none.
        "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test", "SLACK_API_URL", slack.apiUrl()));
    service = Service.start(settings, TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    assertThat(socket.connected.await(30, TimeUnit.SECONDS)).as("the app opened the socket").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    slack.close();
    socket.stop(1000);
  }

  private void push(String envelopeId, String type, Map<String, Object> payload) throws Exception {
    socket.app.send(SignedRequests.JSON.writeValueAsString(Map.of("envelope_id", envelopeId, "type", type,
        "accepts_response_payload", type.equals("slash_commands"), "payload", payload)));
  }

  @Test
  void should_answer_a_slash_command_through_the_socket_and_serve_no_http_route() throws Exception {
    push("E1", "slash_commands", Map.of("command", "/greendesk", "text", "help", "user_id", "USTAFF",
        "channel_id", "CSTAFF", "team_id", "T1", "api_app_id", "A1", "response_url", slack.responseUrl(),
        "trigger_id", "1.2"));

    String ack = socket.ack("E1");
    HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + service.httpPort() + SlackEvents.PATH)).POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(slack.next("apps.connections.open")).isNotNull();
    assertThat(ack).contains("ephemeral", "/greendesk reindex");
    assertThat(http.statusCode()).isEqualTo(404);
  }

  @Test
  void should_answer_a_direct_message_pushed_through_the_socket() throws Exception {
    push("E2", "events_api", Map.of("type", "event_callback", "team_id", "T1", "api_app_id", "A1",
        "event_id", "Ev1", "event_time", 1, "event", Map.of("type", "message", "channel", "DSTAFF", "user", "USTAFF",
            "text", "What is CBAM?", "ts", "1700.0001", "channel_type", "im")));

    String ack = socket.ack("E2");
    String answer = slack.next(c -> c.startsWith("chat.postMessage") && c.contains("channel=DSTAFF"));

    assertThat(ack).contains("\"envelope_id\":\"E2\"");
    assertThat(answer).contains("Carbon Border Adjustment Mechanism");
  }
}
