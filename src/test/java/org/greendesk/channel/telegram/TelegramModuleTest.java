package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramModuleTest {
  private final TelegramModule module = new TelegramModule();

  @Test
  void should_stay_off_without_its_token() {
    assertThat(module.configure(Map.of())).isEmpty();
  }

  @Test
  void should_long_poll_telegram_at_thirty_sends_a_second_when_only_the_token_is_set() {
    // when
    TelegramModule.TelegramSettings settings = (TelegramModule.TelegramSettings) module
        .configure(Map.of("TELEGRAM_BOT_TOKEN", "1:t")).orElseThrow();

    // then
    assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
    assertThat(settings.webhookUrl()).isNull();
    assertThat(settings.sendsPerSecond()).isEqualTo(30);
  }

  @Test
  void should_refuse_a_webhook_without_its_secret_naming_both_settings() {
    assertThatThrownBy(() -> module.configure(Map.of("TELEGRAM_BOT_TOKEN", "1:t",
        "TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram/webhook")))
        .hasMessageContaining("TELEGRAM_WEBHOOK_URL").hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
  }

  @Test
  void should_refuse_a_secret_telegram_would_not_accept() {
    assertThatThrownBy(() -> module.configure(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook",
        "TELEGRAM_WEBHOOK_SECRET", "has spaces!")))
        .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
  }

  @Test
  void should_name_a_webhook_setting_given_without_the_token() {
    assertThatThrownBy(() -> module.configure(Map.of("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook",
        "TELEGRAM_WEBHOOK_SECRET", "abc")))
        .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL is set without TELEGRAM_BOT_TOKEN");
  }

  @Test
  void should_name_a_pace_out_of_bounds() {
    assertThatThrownBy(() -> module.configure(Map.of("TELEGRAM_BOT_TOKEN", "1:t", "TELEGRAM_SENDS_PER_SECOND", "0")))
        .hasMessageStartingWith("TELEGRAM_SENDS_PER_SECOND");
  }

  @Test
  void should_keep_the_token_and_the_secret_out_of_its_description() {
    assertThat(module.configure(Map.of("TELEGRAM_BOT_TOKEN", "123:verysecret",
        "TELEGRAM_WEBHOOK_URL", "https://desk.example.org/hook", "TELEGRAM_WEBHOOK_SECRET", "hooksecret"))
        .orElseThrow().toString()).doesNotContain("verysecret", "hooksecret").contains("webhookUrl=https");
  }
}
