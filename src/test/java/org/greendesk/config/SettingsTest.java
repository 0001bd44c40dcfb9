package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void should_serve_on_loopback_8080_with_long_polling_when_nothing_is_set() {
    Settings settings = Settings.from(Map.of());

    assertThat(settings.http()).isEqualTo(new Settings.Http("127.0.0.1", 8080));
    assertThat(settings.telegram().enabled()).isFalse();
    assertThat(settings.telegram().webhook()).isFalse();
    assertThat(settings.telegram().sendsPerSecond()).isEqualTo(30);
  }

  @Test
  void should_refuse_a_webhook_without_its_secret_naming_both_settings() {
    assertThatThrownBy(() -> Settings.from(Map.of("TELEGRAM_BOT_TOKEN", "1:t",
        "TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram/webhook")))
        .hasMessageContaining("TELEGRAM_WEBHOOK_URL").hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
  }

  @Test
  void should_refuse_a_secret_telegram_would_not_accept() {
    assertThatThrownBy(() -> Settings.from(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook",
        "TELEGRAM_WEBHOOK_SECRET", "has spaces!")))
        .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
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
    Settings.Api api = Settings.from(Map.of()).api();

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
}
