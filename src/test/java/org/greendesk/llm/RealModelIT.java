package org.greendesk.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.LlmMetrics;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real OpenAI-compatible server, only when {@code GREENDESK_TEST_LLM_BASE_URL} is set (with
 * {@code GREENDESK_TEST_LLM_MODEL}, and {@code GREENDESK_TEST_LLM_API_KEY} if the server needs one). A model may
 * still break the rules, so this checks that the call is made and that the SME gets an answer with sources either
 * way, not the model's wording.
 */
@EnabledIfEnvironmentVariable(named = "GREENDESK_TEST_LLM_BASE_URL", matches = ".+")
class RealModelIT {

  @Test
  void should_answer_from_the_knowledge_base_through_a_real_model() throws Exception {
    Map<String, String> values = new HashMap<>(Map.of("GREENDESK_DATA_DIR", TestDesk.DATA.toString(),
        "GREENDESK_LLM_PROVIDER", "openai", "GREENDESK_LLM_BASE_URL", System.getenv("GREENDESK_TEST_LLM_BASE_URL"),
        "GREENDESK_LLM_MODEL", System.getenv().getOrDefault("GREENDESK_TEST_LLM_MODEL", ""),
        "GREENDESK_LLM_TIMEOUT_SECONDS", "120"));
    if (System.getenv("GREENDESK_TEST_LLM_API_KEY") != null) {
      values.put("GREENDESK_LLM_API_KEY", System.getenv("GREENDESK_TEST_LLM_API_KEY"));
    }
    try (GreenDesk desk = GreenDesk.open(Settings.from(values))) {
      Answer answer = desk.assistant().reply("What is CBAM and who must report under it?", List.of(), 3).answer();

      assertThat(answer.text()).isNotBlank();
      assertThat(answer.sources()).isNotEmpty();
      assertThat(desk.llmMetrics().registry().find(LlmMetrics.CALLS).tag("outcome", "ok").timer()).isNotNull();
    }
  }
}
