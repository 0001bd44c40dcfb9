package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.greendesk.llm.FakeOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /greendesk ask} with a language model slower than Slack's three seconds: acknowledged, answered after. */
class SlackSlowAnswerIT {
  @TempDir Path data;
  @TempDir Path knowledge;
  private FakeOpenAiServer model;
  private SlackService running;

  @BeforeEach
  void start() throws Exception {
    model = new FakeOpenAiServer().answering(r -> FakeOpenAiServer.completion("The Alpha grant pays half [1].")
        .setBodyDelay(4, TimeUnit.SECONDS));
    running = new SlackService(data, knowledge, "", Map.of("GREENDESK_LLM_PROVIDER", "openai",
        "GREENDESK_LLM_BASE_URL", model.baseUrl(), "GREENDESK_LLM_MODEL", "fake-model",
        "GREENDESK_LLM_TIMEOUT_SECONDS", "10"));
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
    model.close();
  }

  @Test
  void should_acknowledge_at_once_and_answer_through_the_response_url_when_the_model_is_slow() throws Exception {
    // when
    HttpResponse<String> ack = running.requests.command("ask Alpha grant for solar panels", "USTAFF");
    String answer = running.slack.next("hooks");

    // then
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("ephemeral", "Looking it up").doesNotContain("Alpha grant pays");
    assertThat(answer).contains("Alpha grant");
  }
}
