package org.greendesk.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.greendesk.assistant.LanguageModel;
import org.greendesk.assistant.ModelException;
import org.greendesk.assistant.ModelReply;
import org.greendesk.assistant.ModelRequest;
import org.jspecify.annotations.Nullable;

/**
 * Any OpenAI-compatible chat completions server, through LangChain4j's client: it posts to
 * {@code {baseUrl}/chat/completions}, with a bearer token only when an API key is set. Requests and responses are
 * never logged (they hold the SME's words). LangChain4j's exceptions become {@link ModelException}s. Thread safe.
 */
public final class OpenAiLanguageModel implements LanguageModel {
  private static final double TEMPERATURE = 0.2;

  private final ChatModel chat;

  /**
   * @param baseUrl the API root, usually ending in {@code /v1}
   * @param apiKey {@code null} for servers that need none (Ollama, llama.cpp)
   * @param timeout for connecting and for the whole answer
   */
  public OpenAiLanguageModel(URI baseUrl, String model, @Nullable String apiKey, Duration timeout) {
    // HTTP/1.1: on plain http the JDK client would otherwise offer an h2c upgrade, which some local servers reject.
    HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
    this.chat = OpenAiChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(http).connectTimeout(timeout).readTimeout(timeout))
        .baseUrl(baseUrl.toString())
        .apiKey(apiKey)
        .modelName(model)
        .temperature(TEMPERATURE)
        .timeout(timeout)
        .maxRetries(0) // a retry would only delay the extractive answer the SME gets instead
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    ChatResponse response;
    try {
      response = chat.chat(SystemMessage.from(request.system()), UserMessage.from(request.user()));
    } catch (RuntimeException e) {
      throw translated(e);
    }
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null) {
      throw new ModelException(ModelException.Kind.FAILED, "the server's answer has no text");
    }
    TokenUsage usage = response.tokenUsage();
    return new ModelReply(text, count(usage == null ? null : usage.inputTokenCount()),
        count(usage == null ? null : usage.outputTokenCount()));
  }

  /** Our kind of failure for LangChain4j's (and the JDK client's, which it does not always wrap). */
  static ModelException translated(RuntimeException e) {
    ModelException.Kind kind;
    if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class)) {
      kind = ModelException.Kind.TIMEOUT;
    } else if (e instanceof HttpException http) {
      kind = http.statusCode() >= 500 || http.statusCode() == 429 ? ModelException.Kind.FAILED
          : ModelException.Kind.REFUSED;
    } else if (e instanceof NonRetriableException) {
      kind = ModelException.Kind.REFUSED;
    } else {
      kind = ModelException.Kind.FAILED;
    }
    String what = e instanceof LangChain4jException ? e.getClass().getSimpleName() : "client error";
    return new ModelException(kind, what + ": " + firstLine(e.getMessage()), e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static int count(@Nullable Integer tokens) {
    return tokens == null || tokens < 0 ? 0 : tokens;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "no message";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
