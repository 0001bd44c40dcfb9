package org.greendesk.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A local OpenAI-compatible server on 127.0.0.1 for the real LangChain4j client: {@code POST /v1/chat/completions}
 * answered by a replaceable function of the request's system and user messages, or with an error, or never. Keeps
 * what it received. Thread safe.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A chat completion request as the server read it. */
  public record Received(String path, String authorization, JsonNode body) {
    public String system() {
      return message("system");
    }

    public String user() {
      return message("user");
    }

    private String message(String role) {
      for (JsonNode message : body.path("messages")) {
        if (message.path("role").asText().equals(role)) {
          return message.path("content").asText();
        }
      }
      return "";
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Received> received = new ArrayList<>();
  private volatile Function<Received, MockResponse> answer = r -> completion("No answer was scripted.");

  public FakeOpenAiServer() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        Received r;
        try {
          r = new Received(request.getPath(), request.getHeader("Authorization"),
              JSON.readTree(request.getBody().readUtf8()));
        } catch (IOException e) {
          return new MockResponse().setResponseCode(400);
        }
        synchronized (received) {
          received.add(r);
        }
        return answer.apply(r);
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to configure: {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /** How the server answers from now on. */
  public FakeOpenAiServer answering(Function<Received, MockResponse> answer) {
    this.answer = answer;
    return this;
  }

  /** Answers every request with this text. */
  public FakeOpenAiServer answering(String text) {
    return answering(r -> completion(text));
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** A successful chat completion with token usage. */
  public static MockResponse completion(String content) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1_700_000_000L).put("model", "fake-model");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage").put("prompt_tokens", 321).put("completion_tokens", 42).put("total_tokens", 363);
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body.toString());
  }

  public static MockResponse error(int status) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}");
  }

  /** Reads the request and never answers, like a server stuck on a long generation: outlasts any timeout. */
  public static MockResponse silent() {
    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
