package org.greendesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Real HTTP calls to the service on 127.0.0.1, with the JSON of the answer at hand. */
public final class LocalHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  public LocalHttp(int port) {
    this.port = port;
  }

  /** An answer: its status, headers and body. */
  public record Reply(int status, HttpResponse<String> response) {
    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }
  }

  public Reply get(String path, Map<String, String> headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET());
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return get(path, Map.of());
  }

  public Reply post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
    return send(request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply post(String path, String body) throws IOException, InterruptedException {
    return post(path, body, Map.of());
  }

  private HttpRequest.Builder request(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(request::header);
    return request;
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response);
  }

  /** A JSON string literal of the text. */
  public static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
