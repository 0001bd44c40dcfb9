package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void should_serve_on_loopback_8080_with_no_channel_module_when_nothing_is_set() {
    Settings settings = Settings.from(Map.of());

    assertThat(settings.http()).isEqualTo(new Settings.Http("127.0.0.1", 8080));
    assertThat(settings.channels()).isEmpty();
  }

  @Test
  void should_start_the_telegram_module_when_its_token_is_set() {
    Settings settings = Settings.from(Map.of("TELEGRAM_BOT_TOKEN", "1:t"));

    assertThat(settings.channels()).singleElement().asString().startsWith("Telegram[");
  }

  @Test
  void should_name_the_setting_of_a_malformed_url_or_port() {
    assertThatThrownBy(() -> Settings.from(Map.of("TELEGRAM_WEBHOOK_URL", "desk.example.org",
        "TELEGRAM_WEBHOOK_SECRET", "abc"))).hasMessageStartingWith("TELEGRAM_WEBHOOK_URL");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_HTTP_PORT", "80800")))
        .hasMessageStartingWith("GREENDESK_HTTP_PORT");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_HTTP_PORT", "http")))
        .hasMessageStartingWith("GREENDESK_HTTP_PORT");
  }

  @Test
  void should_keep_tokens_and_secrets_out_of_its_description() {
    Settings settings = Settings.from(Map.of("TELEGRAM_BOT_TOKEN", "123:verysecret",
        "TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook", "TELEGRAM_WEBHOOK_SECRET", "hooksecret"));

    assertThat(settings.toString()).doesNotContain("verysecret", "hooksecret");
  }

  @Test
  void should_leave_staff_endpoints_off_and_allow_sixty_requests_a_minute_when_nothing_is_set() {
    ApiSettings api = Settings.from(Map.of()).api();

    assertThat(api.staffToken()).isNull();
    assertThat(api.requestsPerMinute()).isEqualTo(60);
    assertThat(api.clientIpHeader()).isNull();
  }

  @Test
  void should_refuse_a_short_api_token_and_keep_it_out_of_its_description() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_API_TOKEN", "short")))
        .hasMessageStartingWith("GREENDESK_API_TOKEN");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_RATE_LIMIT", "0")))
        .hasMessageStartingWith("GREENDESK_RATE_LIMIT");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_CLIENT_IP_HEADER", "X-Forwarded-For: 1.2.3.4")))
        .hasMessageStartingWith("GREENDESK_CLIENT_IP_HEADER");

    Settings settings = Settings.from(Map.of("GREENDESK_API_TOKEN", "a-long-enough-staff-token-1234"));

    assertThat(settings.api().staffToken()).isEqualTo("a-long-enough-staff-token-1234");
    assertThat(settings.toString()).doesNotContain("a-long-enough-staff-token-1234");
  }

  @Test
  void should_know_exactly_the_settings_it_reads() {
    Set<String> read = new HashSet<>();
    Map<String, String> values = new AbstractMap<>() {
      private final Map<String, String> set = Map.of("GREENDESK_DB_URL", "jdbc:h2:mem:x",
          "GREENDESK_LLM_PROVIDER", "openai", "GREENDESK_LLM_BASE_URL", "http://127.0.0.1:11434/v1",
          "GREENDESK_LLM_MODEL", "m", "TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_WEBHOOK_URL", "https://d.example.org/h",
          "TELEGRAM_WEBHOOK_SECRET", "s", "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s");

      @Override
      public String get(Object key) {
        read.add((String) key);
        return set.get(key);
      }

      @Override
      public Set<Entry<String, String>> entrySet() {
        return set.entrySet();
      }
    };

    Settings.from(values);

    assertThat(read).containsExactlyInAnyOrderElementsOf(Settings.NAMES);
  }

  @Test
  void should_refuse_a_channel_setting_without_the_channel_token() {
    assertThatThrownBy(() -> Settings.from(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook",
        "TELEGRAM_WEBHOOK_SECRET", "abc")))
        .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL is set without TELEGRAM_BOT_TOKEN");
    assertThatThrownBy(() -> Settings.from(Map.of("SLACK_SIGNING_SECRET", "s")))
        .hasMessageStartingWith("SLACK_SIGNING_SECRET is set without SLACK_BOT_TOKEN");
  }

  @Test
  void should_want_the_slack_signing_secret_in_http_mode_only() {
    assertThatThrownBy(() -> Settings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .hasMessageStartingWith("SLACK_BOT_TOKEN is set without SLACK_SIGNING_SECRET");

    Settings socketMode = Settings.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    assertThat(socketMode.slack().enabled()).isTrue();
    assertThat(socketMode.slack().signingSecret()).isNull();
  }

  @Test
  void should_refuse_database_credentials_without_a_database_url() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_DB_USER", "greendesk")))
        .hasMessageStartingWith("GREENDESK_DB_USER is set without GREENDESK_DB_URL");
  }

  @Test
  void should_name_a_log_level_or_format_it_does_not_know() {
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LOG_FORMAT", "xml")))
        .hasMessageStartingWith("GREENDESK_LOG_FORMAT");
    assertThatThrownBy(() -> Settings.from(Map.of("GREENDESK_LOG_LEVEL", "verbose")))
        .hasMessageStartingWith("GREENDESK_LOG_LEVEL");
    assertThat(Settings.from(Map.of("GREENDESK_LOG_FORMAT", "JSON", "GREENDESK_LOG_LEVEL", "debug")).logging())
        .isEqualTo(new Settings.Logging("DEBUG", true));
  }
}
