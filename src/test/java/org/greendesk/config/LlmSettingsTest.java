package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
  @Test
  void should_answer_offline_when_nothing_is_set() {
    LlmSettings llm = Settings.from(Map.of()).llm();

    assertThat(llm.enabled()).isFalse();
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(llm.maxConcurrent()).isEqualTo(4);
  }

  @Test
  void should_read_an_openai_compatible_server() {
    LlmSettings llm = Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "OpenAI",
        "GREENDESK_LLM_BASE_URL", "http://127.0.0.1:11434/v1/", "GREENDESK_LLM_MODEL", "qwen2.5:7b",
        "GREENDESK_LLM_API_KEY", "sk-secret", "GREENDESK_LLM_TIMEOUT_SECONDS", "30",
        "GREENDESK_LLM_MAX_CONCURRENT", "2")).llm();

    assertThat(llm.enabled()).isTrue();
    assertThat(llm.baseUrl()).hasToString("http://127.0.0.1:11434/v1");
    assertThat(llm.model()).isEqualTo("qwen2.5:7b");
    assertThat(llm.apiKey()).isEqualTo("sk-secret");
    assertThat(llm.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(llm.maxConcurrent()).isEqualTo(2);
  }

  @Test
  void should_never_show_the_api_key() {
    Settings settings = Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "openai",
        "GREENDESK_LLM_BASE_URL", "https://api.example.org/v1", "GREENDESK_LLM_MODEL", "m",
        "GREENDESK_LLM_API_KEY", "sk-secret"));

    assertThat(settings.toString()).contains("apiKey=***").doesNotContain("sk-secret");
  }

  @Test
  void should_name_the_missing_base_url() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "openai", "GREENDESK_LLM_MODEL", "m")))
        .hasMessageStartingWith("GREENDESK_LLM_BASE_URL must be set when GREENDESK_LLM_PROVIDER=openai");
  }

  @Test
  void should_name_the_missing_model() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "openai",
        "GREENDESK_LLM_BASE_URL", "http://127.0.0.1:8000/v1")))
        .hasMessage("GREENDESK_LLM_MODEL must be set when GREENDESK_LLM_PROVIDER=openai");
  }

  @Test
  void should_name_a_malformed_base_url() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "openai",
        "GREENDESK_LLM_BASE_URL", "localhost:11434", "GREENDESK_LLM_MODEL", "m")))
        .hasMessage("GREENDESK_LLM_BASE_URL must be an http(s) URL: localhost:11434");
  }

  @Test
  void should_name_an_unknown_provider_and_a_bad_number() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LLM_PROVIDER", "claude")))
        .hasMessage("GREENDESK_LLM_PROVIDER must be none or openai: claude");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LLM_TIMEOUT_SECONDS", "0")))
        .hasMessage("GREENDESK_LLM_TIMEOUT_SECONDS must be a whole number from 1 to 600: 0");
  }
}
