package org.greendesk.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.greendesk.assistant.ModelException;
import org.greendesk.assistant.ModelReply;
import org.greendesk.assistant.ModelRequest;
import org.greendesk.assistant.ModelTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j OpenAI client against a fake OpenAI-compatible server on 127.0.0.1. */
class OpenAiLanguageModelIT {
  private static final ModelRequest REQUEST = new ModelRequest(ModelTask.ANSWER, "the rules", "the question");
  private final FakeOpenAiServer server = new FakeOpenAiServer();

  private OpenAiLanguageModel model(String apiKey) {
    return new OpenAiLanguageModel(URI.create(server.baseUrl()), "fake-model", apiKey, Duration.ofSeconds(2));
  }

  @AfterEach
  void close() throws Exception {
    server.close();
  }

  @Test
  void should_post_the_rules_and_the_task_to_chat_completions_and_read_the_answer_and_token_usage() {
    server.answering("CBAM puts a price on embedded carbon [1].");

    ModelReply reply = model(null).complete(REQUEST);

    assertThat(reply).isEqualTo(new ModelReply("CBAM puts a price on embedded carbon [1].", 321, 42));
    FakeOpenAiServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
    assertThat(request.system()).isEqualTo("the rules");
    assertThat(request.user()).isEqualTo("the question");
    assertThat(request.authorization()).isNull();
  }

  @Test
  void should_send_the_api_key_as_a_bearer_token_when_one_is_set() {
    server.answering("ok [1]");

    model("sk-test").complete(REQUEST);

    assertThat(server.received().get(0).authorization()).isEqualTo("Bearer sk-test");
  }

  @Test
  void should_report_a_server_error_as_a_failure_without_retrying() {
    server.answering(r -> FakeOpenAiServer.error(500));

    assertThat(catchThrowableOfType(ModelException.class, () -> model(null).complete(REQUEST)).kind())
        .isEqualTo(ModelException.Kind.FAILED);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void should_report_a_rejected_key_as_refused() {
    server.answering(r -> FakeOpenAiServer.error(401));

    assertThat(catchThrowableOfType(ModelException.class, () -> model("sk-wrong").complete(REQUEST)).kind())
        .isEqualTo(ModelException.Kind.REFUSED);
  }

  @Test
  void should_report_a_server_slower_than_the_timeout_as_a_timeout() {
    server.answering(r -> FakeOpenAiServer.silent());

    assertThatThrownBy(() -> model(null).complete(REQUEST)).isInstanceOfSatisfying(ModelException.class,
        e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT));
  }
}
