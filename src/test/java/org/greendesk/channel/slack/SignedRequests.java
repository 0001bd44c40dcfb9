package org.greendesk.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;

/** Requests to {@code POST /slack/events}, signed as Slack signs them: commands, button presses, events. */
final class SignedRequests {
  static final String SECRET = "signing-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final IntSupplier port;
  private final String responseUrl;

  SignedRequests(IntSupplier port, String responseUrl) {
    this.port = port;
    this.responseUrl = responseUrl;
  }

  HttpResponse<String> post(String body, String contentType, long timestamp, @Nullable String signature)
      throws Exception {
    String ts = String.valueOf(timestamp);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + SlackEvents.PATH))
        .header("Content-Type", contentType).header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signature != null ? signature
            : new SlackSignature.Generator(SECRET).generate(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signed(String body, String contentType) throws Exception {
    return post(body, contentType, System.currentTimeMillis() / 1000, null);
  }

  static String form(Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return form.toString();
  }

  HttpResponse<String> command(String text, String user) throws Exception {
    return signed(form(Map.of("command", "/greendesk", "text", text, "user_id", user, "channel_id", "CSTAFF",
        "team_id", "T1", "response_url", responseUrl, "trigger_id", "1.2")), "application/x-www-form-urlencoded");
  }

  /** A button pressed on a message in the channel (or on the App Home when {@code channel} is null). */
  HttpResponse<String> press(String action, String value, String user, @Nullable String channel,
      @Nullable String messageTs) throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>(Map.of("type", "block_actions", "team", Map.of("id", "T1"),
        "user", Map.of("id", user, "name", user.equals("UANNA") ? "Anna" : "Ben", "team_id", "T1"),
        "trigger_id", "1.2", "actions", List.of(Map.of("type", "button", "action_id", action, "block_id", "b",
            "value", value, "action_ts", "1.1"))));
    if (channel != null) {
      payload.put("channel", Map.of("id", channel));
      payload.put("container", Map.of("type", "message", "message_ts", messageTs));
    } else {
      payload.put("container", Map.of("type", "view", "view_id", "V1"));
      payload.put("view", Map.of("id", "V1", "type", "home"));
    }
    return signed(form(Map.of("payload", JSON.writeValueAsString(payload))), "application/x-www-form-urlencoded");
  }

  /** An Events API delivery of the event. */
  HttpResponse<String> event(String eventId, Map<String, Object> event) throws Exception {
    return signed(JSON.writeValueAsString(Map.of("type", "event_callback", "team_id", "T1", "api_app_id", "A1",
        "event_id", eventId, "event_time", 1, "event", event)), "application/json");
  }
}
