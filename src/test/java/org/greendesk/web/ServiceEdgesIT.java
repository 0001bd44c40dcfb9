package org.greendesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.handoff.EscalationIds;
import org.greendesk.web.LocalHttp.Reply;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's edges, probed as a hostile or careless client would, over real HTTP and raw sockets. */
class ServiceEdgesIT {
  private static final String TOKEN = "staff-token-0123456789abcdef";

  @TempDir Path data;
  private @Nullable Service service;
  private LocalHttp http;
  private final List<Socket> sockets = new ArrayList<>();

  private void serve(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_RATE_LIMIT", "10000", "GREENDESK_API_TOKEN", TOKEN));
    env.putAll(extra);
    service = Service.start(Settings.from(env), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    http = new LocalHttp(service.httpPort());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  void should_refuse_json_with_trailing_garbage() throws Exception {
    serve(Map.of());
    String session = http.post("/chat/session", "").json().get("session").asText();

    Reply ask = http.post("/api/ask", "{\"q\": \"What is CBAM?\"} xyz");
    Reply chat = http.post("/chat/messages", "{\"text\": \"What is CBAM?\"} xyz",
        Map.of("X-GreenDesk-Session", session));

    assertThat(ask.status()).isEqualTo(400);
    assertThat(ask.json().get("error").asText()).contains("invalid JSON");
    assertThat(chat.status()).isEqualTo(400);
  }

  @Test
  void should_drop_control_characters_from_what_users_send() throws Exception {
    serve(Map.of());

    Reply reply = http.post("/api/ask", "{\"q\": \"What is\\u0000 CBAM?\\u001b[2J\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("question").asText()).isEqualTo("What is CBAM?[2J");
  }

  @Test
  void should_keep_the_smes_questions_out_of_caches_and_say_nosniff_everywhere() throws Exception {
    serve(Map.of());

    Reply escalations = http.get("/api/escalations", Map.of("Authorization", "Bearer " + TOKEN));
    Reply live = http.get("/health/live");
    Reply page = http.get("/");

    assertThat(escalations.status()).isEqualTo(200);
    assertThat(escalations.header("Cache-Control")).isEqualTo("no-store");
    assertThat(List.of(escalations, live, page)).allSatisfy(
        r -> assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff"));
    assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
  }

  @Test
  void should_answer_jettys_own_errors_in_json() throws Exception {
    serve(Map.of());

    String badUri = raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String hugeHeader = raw("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");

    assertThat(badUri).startsWith("HTTP/1.1 400").contains("application/json").contains("{\"error\":");
    assertThat(hugeHeader).startsWith("HTTP/1.1 431").contains("application/json").contains("{\"error\":");
  }

  @Test
  void should_not_let_one_address_fill_the_advisor_queue() throws Exception {
    serve(Map.of());

    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String session = http.post("/chat/session", "").json().get("session").asText();
      outcomes.add(http.post("/chat/advisor", "{}", Map.of("X-GreenDesk-Session", session)).json().get("outcome")
          .asText());
    }

    assertThat(outcomes).containsOnly("answered");
    assertThat(service.services().escalations().open()).hasSize(5);

    List<Long> dismissed = service.services().handoffs().dismiss(EscalationIds.parse("1-3 4,5 6-10"), "staff");

    assertThat(dismissed).hasSize(5);
    assertThat(service.services().escalations().open()).isEmpty();
  }

  @Test
  void should_keep_answering_while_300_connections_trickle_their_bodies() throws Exception {
    serve(Map.of("GREENDESK_CLIENT_IP_HEADER", "X-Real-IP"));
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < 300; i++) {
        Socket socket = new Socket("127.0.0.1", service.httpPort());
        sockets.add(socket);
        socket.getOutputStream().write(("POST /api/ask HTTP/1.1\r\nHost: x\r\nX-Real-IP: 198.51.100." + (i % 6)
            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
      }
      trickle.scheduleAtFixedRate(() -> sockets.forEach(ServiceEdgesIT::oneByte), 1, 2, TimeUnit.SECONDS);

      Reply live = http.get("/health/live", Map.of("X-Real-IP", "203.0.113.1"));
      Reply ask = http.post("/api/ask", "{\"q\": \"What is CBAM?\"}", Map.of("X-Real-IP", "203.0.113.2"));

      assertThat(live.status()).isEqualTo(200);
      assertThat(ask.status()).isEqualTo(200);
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void should_count_a_request_its_client_abandoned_without_calling_it_a_failure() throws Exception {
    serve(Map.of());

    try (Socket socket = new Socket("127.0.0.1", service.httpPort())) {
      socket.getOutputStream().write(("POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"q\": \"What").getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    }

    Instant deadline = Instant.now().plusSeconds(20);
    String metrics;
    do {
      metrics = http.get("/metrics").body();
    } while (!metrics.contains("greendesk_http_aborted_total 1.0") && Instant.now().isBefore(deadline));
    assertThat(metrics).contains("greendesk_http_aborted_total 1.0");
  }

  private static void oneByte(Socket socket) {
    try {
      socket.getOutputStream().write(' ');
    } catch (IOException e) {
      // cut off by the server: what it should do to a trickle
    }
  }

  /** Sends the bytes as they are, for requests an HTTP client library would refuse to make; returns the reply. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", service.httpPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
