package org.greendesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.web.LocalHttp;
import org.greendesk.web.LocalHttp.Reply;
import org.greendesk.web.WebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API's contract, over real HTTP against the service as {@code serve} runs it, on the real knowledge. */
class ApiIT {
  private static final String TOKEN = "staff-token-0123456789abcdef";
  private static final Map<String, String> STAFF = Map.of("Authorization", "Bearer " + TOKEN);

  @TempDir Path data;
  private @Nullable Service service;
  private LocalHttp http;

  private void serve(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "GREENDESK_RATE_LIMIT", "1000"));
    env.putAll(extra);
    service = Service.start(Settings.from(env), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
    http = new LocalHttp(service.httpPort());
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void should_answer_in_the_contract_json_and_echo_the_id() throws Exception {
    serve(Map.of());

    Reply reply = http.post("/api/ask?top_k=2", "{\"q\": \"What is CBAM?\", \"id\": \"r1\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    JsonNode answer = reply.json();
    assertThat(answer.fieldNames()).toIterable()
        .containsExactly("id", "question", "answer", "sources", "confidence", "intent", "handoff", "reason");
    assertThat(answer.get("id").asText()).isEqualTo("r1");
    assertThat(answer.get("sources").size()).isBetween(1, 2);
    assertThat(answer.get("sources").get(0).fieldNames()).toIterable().containsExactly("id", "title", "url", "score");
    assertThat(answer.get("sources").get(0).get("id").asText()).isEqualTo("eu-cbam");
    assertThat(answer.get("intent").asText()).isEqualTo("regulation");
  }

  @Test
  void should_understand_a_follow_up_in_the_same_conversation_only() throws Exception {
    serve(Map.of());
    http.post("/api/ask", "{\"q\": \"Do small firms pay the carbon tax in Singapore?\", \"conversation\": \"c1\"}");

    JsonNode followUp = http.post("/api/ask", "{\"q\": \"And what about Korea?\", \"conversation\": \"c1\"}").json();
    JsonNode alone = http.post("/api/ask", "{\"q\": \"And what about Korea?\", \"conversation\": \"c2\"}").json();

    assertThat(followUp.get("sources").get(0).get("id").asText()).startsWith("kr-");
    assertThat(followUp.get("reason").asText()).isNotEqualTo(alone.get("reason").asText());
  }

  @Test
  void should_refuse_malformed_requests_with_a_json_error_naming_the_problem() throws Exception {
    serve(Map.of());

    assertRefused(http.post("/api/ask", "{not json"), 400, "invalid JSON");
    assertRefused(http.post("/api/ask", "{\"id\": \"7\"}"), 400, "missing \"q\"");
    assertRefused(http.post("/api/ask", "{\"q\": \"   \"}"), 400, "\"q\" is empty");
    assertRefused(http.post("/api/ask?top_k=0", "{\"q\": \"What is CBAM?\"}"), 400, "top_k");
    assertRefused(http.post("/api/ask", "{\"q\": " + LocalHttp.quote("x".repeat(50_000)) + "}"), 400, "too long");
    assertRefused(http.get("/api/events?from=2026-13-45"), 400, "\"from\" must be a date");
    assertRefused(http.get("/api/events?economy=Atlantis"), 400, "unknown economy");
    assertRefused(http.get("/api/events?limit=lots"), 400, "\"limit\"");
  }

  @Test
  void should_refuse_an_oversized_body_with_413_in_json() throws Exception {
    serve(Map.of());

    Reply reply = http.post("/api/ask", "{\"q\": " + LocalHttp.quote("x".repeat((int) WebServer.MAX_BODY_BYTES)) + "}");

    assertRefused(reply, 413, "");
  }

  @Test
  void should_list_the_events_of_an_economy_from_a_day_soonest_first() throws Exception {
    serve(Map.of());

    JsonNode all = http.get("/api/events?from=2000-01-01&limit=100").json();
    JsonNode korea = http.get("/api/events?economy=Korea&from=2000-01-01&limit=100").json();
    JsonNode later = http.get("/api/events?from=2026-01-01&limit=100").json();

    assertThat(all.get("events").size()).isGreaterThan(korea.get("events").size()).isGreaterThan(later.get("events").size());
    assertThat(korea.get("economies").toString()).isEqualTo("[\"Korea\"]");
    List<String> starts = new ArrayList<>();
    for (JsonNode event : korea.get("events")) {
      assertThat(event.fieldNames()).toIterable()
          .containsExactly("title", "starts", "ends", "location", "economies", "topics", "url", "document");
      assertThat(event.get("economies").toString()).containsAnyOf("\"Korea\"", "\"Global\"");
      starts.add(event.get("starts").asText());
    }
    assertThat(starts).isNotEmpty().isSorted();
    for (JsonNode event : later.get("events")) {
      assertThat(event.get("ends").asText()).isGreaterThanOrEqualTo("2026-01-01");
    }
  }

  @Test
  void should_serve_every_dated_event_past_ones_included_as_a_valid_icalendar_feed() throws Exception {
    serve(Map.of());

    Reply reply = http.get("/api/events.ics");
    Calendar calendar = new CalendarBuilder().build(new StringReader(reply.body()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    List<VEvent> events = calendar.getComponents(Component.VEVENT);
    assertThat(events).hasSize(TestDesk.get().knowledge().calendar().events().size());
    assertThat(events).extracting(e -> e.getProperty(Property.UID).map(p -> ((Property) p).getValue()).orElseThrow())
        .doesNotHaveDuplicates().contains("cop29-2024@greendesk");
  }

  @Test
  void should_return_a_knowledge_document_or_404() throws Exception {
    serve(Map.of());

    JsonNode document = http.get("/api/documents/eu-cbam").json();

    assertThat(document.fieldNames()).toIterable()
        .containsExactly("id", "title", "category", "economies", "topics", "url", "reviewed", "body");
    assertThat(document.get("category").asText()).isEqualTo("regulation");
    assertThat(document.get("reviewed").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(document.get("body").asText()).contains("CBAM");
    assertRefused(http.get("/api/documents/no-such-thing"), 404, "no document with id \"no-such-thing\"");
  }

  @Test
  void should_say_how_to_enable_escalations_when_no_staff_token_is_set() throws Exception {
    serve(Map.of());

    assertRefused(http.get("/api/escalations", STAFF), 404, "GREENDESK_API_TOKEN");
  }

  @Test
  void should_list_open_escalations_only_with_the_staff_token() throws Exception {
    serve(Map.of("GREENDESK_API_TOKEN", TOKEN));
    service.services().desk().receive(new InboundMessage("web", "chat-1", "Minh", "I would like to talk to a person",
        null));

    Reply none = http.get("/api/escalations");
    Reply wrong = http.get("/api/escalations", Map.of("Authorization", "Bearer " + TOKEN + "x"));
    Reply right = http.get("/api/escalations", STAFF);

    assertRefused(none, 401, "staff token");
    assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
    assertRefused(wrong, 401, "staff token");
    assertThat(right.status()).isEqualTo(200);
    JsonNode escalation = right.json().get("escalations").get(0);
    assertThat(escalation.get("state").asText()).isEqualTo("queued");
    assertThat(escalation.get("question").asText()).isEqualTo("I would like to talk to a person");
    assertThat(right.json().get("escalations").size()).isEqualTo(1);
  }

  @Test
  void should_limit_each_client_to_its_budget_with_retry_after() throws Exception {
    serve(Map.of("GREENDESK_RATE_LIMIT", "3"));

    List<Integer> statuses = new ArrayList<>();
    Reply last = null;
    for (int i = 0; i < 4; i++) {
      last = http.get("/api/documents/eu-cbam");
      statuses.add(last.status());
    }

    assertThat(statuses).containsExactly(200, 200, 200, 429);
    assertRefused(last, 429, "too many requests");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
  }

  @Test
  void should_count_each_client_behind_a_reverse_proxy_by_the_address_the_proxy_saw() throws Exception {
    serve(Map.of("GREENDESK_RATE_LIMIT", "1", "GREENDESK_CLIENT_IP_HEADER", "X-Forwarded-For"));

    int first = http.get("/api/documents/eu-cbam", Map.of("X-Forwarded-For", "203.0.113.7")).status();
    int other = http.get("/api/documents/eu-cbam", Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.2")).status();
    int again = http.get("/api/documents/eu-cbam", Map.of("X-Forwarded-For", "198.51.100.9, 203.0.113.7")).status();

    assertThat(List.of(first, other, again)).containsExactly(200, 200, 429);
  }

  @Test
  void should_serve_an_openapi_file_that_lists_every_route() throws Exception {
    serve(Map.of());

    Reply reply = http.get("/api/openapi.yaml");
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(reply.body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(spec.get("openapi").asText()).startsWith("3.");
    assertThat(spec.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder("/api/ask", "/api/events",
        "/api/events.ics", "/api/documents/{id}", "/api/escalations", "/api/reindex", "/api/openapi.yaml", "/", "/chat/app.js", "/chat/app.css",
        "/widget.js", "/chat/strings", "/chat/session", "/chat/messages", "/chat/feedback", "/chat/advisor", "/chat/rating",
        "/chat/forget", "/health/live", "/health/ready", "/health", "/metrics");
    assertThat(nullValues(spec, "")).as("keys without a value, such as a flow-style description cut at a comma")
        .isEmpty();
    assertThat(spec.at("/paths/~1api~1ask/post/responses").fieldNames()).toIterable().contains("200", "400", "413", "429");
    assertThat(spec.at("/paths/~1api~1events.ics/get/responses/200/content").fieldNames()).toIterable()
        .containsExactly("text/calendar");
    assertThat(spec.at("/components/schemas/Answer/required").toString())
        .isEqualTo("[\"question\",\"answer\",\"sources\",\"confidence\",\"intent\",\"handoff\",\"reason\"]");
  }

  private static List<String> nullValues(JsonNode node, String pointer) {
    List<String> found = new ArrayList<>();
    if (node.isNull()) {
      found.add(pointer);
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      found.addAll(nullValues(field.getValue(), pointer + "/" + field.getKey()));
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      found.addAll(nullValues(node.get(i), pointer + "/" + i));
    }
    return found;
  }

  private static void assertRefused(Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.json().get("error").asText()).contains(message);
  }
}
