package org.greendesk.channel.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.greendesk.delivery.OutgoingMessage;
import org.junit.jupiter.api.Test;

class LineModuleTest {
  private final LineModule module = new LineModule();

  @Test
  void should_stay_off_without_its_settings() {
    assertThat(module.configure(Map.of())).isEmpty();
  }

  @Test
  void should_name_the_missing_half_of_the_credentials() {
    assertThatThrownBy(() -> module.configure(Map.of("LINE_CHANNEL_ACCESS_TOKEN", "t")))
        .hasMessageStartingWith("LINE_CHANNEL_ACCESS_TOKEN is set without LINE_CHANNEL_SECRET");
    assertThatThrownBy(() -> module.configure(Map.of("LINE_CHANNEL_SECRET", "s")))
        .hasMessageStartingWith("LINE_CHANNEL_SECRET is set without LINE_CHANNEL_ACCESS_TOKEN");
    assertThatThrownBy(() -> module.configure(Map.of("LINE_CHANNEL_SECRET", "s", "LINE_CHANNEL_ACCESS_TOKEN", "t",
        "LINE_API_URL", "api.line.me"))).hasMessageStartingWith("LINE_API_URL must be an http(s) URL");
  }

  @Test
  void should_keep_the_credentials_out_of_its_description() {
    assertThat(module.configure(Map.of("LINE_CHANNEL_SECRET", "very-secret", "LINE_CHANNEL_ACCESS_TOKEN",
        "very-token")).orElseThrow().toString()).doesNotContain("very-secret", "very-token")
        .contains("https://api.line.me/");
  }

  @Test
  void should_split_a_long_answer_between_paragraphs_under_lines_limit() {
    // given
    String paragraph = "word ".repeat(400).strip();
    OutgoingMessage answer = new OutgoingMessage(paragraph + "\n\n" + paragraph + "\n\n" + paragraph,
        List.of(new OutgoingMessage.Link("EU CBAM", "https://example.org/cbam")), List.of());

    // when
    List<String> parts = LineText.render(answer);

    // then
    assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LineText.MAX_CHARS));
    assertThat(parts.get(0)).isEqualTo(paragraph + "\n\n" + paragraph);
    assertThat(parts.get(1)).endsWith("• EU CBAM\n  https://example.org/cbam");
  }

  @Test
  void should_cut_a_label_without_breaking_an_emoji() {
    assertThat(LineText.truncate("Talk to an advisor now please", 20)).hasSize(20).endsWith("…");
    assertThat(LineText.truncate("a".repeat(18) + "👍👍", 20)).isEqualTo("a".repeat(18) + "…");
  }
}
