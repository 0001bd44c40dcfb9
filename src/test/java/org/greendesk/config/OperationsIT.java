package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's operations surface over real HTTP: health, readiness and Prometheus metrics. */
class OperationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();
  private Service service;

  @BeforeEach
  void serve() throws Exception {
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_KNOWLEDGE_DIR", TestDesk.settings().knowledgeDir().toString()));
    service = Service.start(settings, TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void should_be_ready_when_the_database_answers_and_the_index_is_open() throws Exception {
    HttpResponse<String> health = get("/health");
    HttpResponse<String> ready = get("/health/ready");
    HttpResponse<String> live = get("/health/live");

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(health.body());
    assertThat(body.path("status").asText()).isEqualTo("up");
    assertThat(body.path("checks").path("database").path("status").asText()).isEqualTo("up");
    assertThat(body.path("checks").path("index").path("detail").asText()).endsWith("passages");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void should_not_be_ready_and_name_the_database_when_it_stops_answering() throws Exception {
    service.services().database().close();

    HttpResponse<String> ready = get("/health/ready");
    HttpResponse<String> live = get("/health/live");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.path("status").asText()).isEqualTo("down");
    assertThat(body.path("checks").path("database").path("status").asText()).isEqualTo("down");
    assertThat(body.path("checks").path("index").path("status").asText()).isEqualTo("up");
    assertThat(live.statusCode()).as("alive, only not ready").isEqualTo(200);
  }

  @Test
  void should_export_what_the_desk_did_in_prometheus_format() throws Exception {
    // The registry is the shared GreenDesk's, which other tests of the run also count into: compare before/after.
    String before = get("/metrics").body();
    // an SME on a channel no instance here sends to (the web chat's is served): the answer waits in the outbox
    service.services().desk().receive(new InboundMessage("sms", "s-1", "Minh", "What is CBAM?", "m1"));
    service.services().desk().receive(new InboundMessage("sms", "s-1", "Minh", "What is CBAM?", "m1"));

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/plain"));
    String after = metrics.body();
    assertThat(increase(before, after, "greendesk_messages_in_total{channel=\"sms\",duplicate=\"false\"}"))
        .isEqualTo(1);
    assertThat(increase(before, after, "greendesk_messages_in_total{channel=\"sms\",duplicate=\"true\"}"))
        .isEqualTo(1);
    assertThat(increase(before, after, "greendesk_answer_latency_seconds_bucket{channel=\"sms\",le=\"+Inf\"}"))
        .isEqualTo(1);
    assertThat(increase(before, after, "greendesk_answer_confidence_bucket{channel=\"sms\",le=\"1.0\"}"))
        .isEqualTo(1);
    assertThat(increase(before, after, "greendesk_answers_total{handoff=\"none\",intent=\"regulation\"}"))
        .isEqualTo(1);
    assertThat(after).contains("greendesk_outbox_depth 1.0", "greendesk_escalations{state=\"queued\"} 0.0");
  }

  /** How much a series grew from one scrape to the next (a series not yet there counts as 0). */
  private static double increase(String before, String after, String series) {
    return value(after, series) - value(before, series);
  }

  private static double value(String scrape, String series) {
    return scrape.lines().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst().orElse(0);
  }
}
