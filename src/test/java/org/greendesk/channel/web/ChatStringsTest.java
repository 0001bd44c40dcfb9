package org.greendesk.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.messages.Messages;
import org.junit.jupiter.api.Test;

/** The page's words as the catalogues ship them, and the language a browser's header chooses. */
class ChatStringsTest {
  private static final Messages MESSAGES = ShippedPrompts.messages();
  private final ChatStrings strings = new ChatStrings(MESSAGES);

  @Test
  void should_have_every_page_text_translated_in_every_language() {
    Map<String, String> english = strings.texts(Messages.ENGLISH);

    assertThat(english).containsKeys("send", "waiting", "leave_queue", "with_advisor", "new_tab", "example_1");
    for (String language : MESSAGES.languages()) {
      if (language.equals(Messages.ENGLISH)) {
        continue;
      }
      Map<String, String> texts = strings.texts(language);
      assertThat(texts).as(language).containsOnlyKeys(english.keySet());
      // GreenDesk's name is the only text the same in every language; a copy of the English is a missing translation.
      english.forEach((key, text) -> {
        if (!key.equals("assistant")) {
          assertThat(texts.get(key)).as(language + " " + key).isNotEqualTo(text);
        }
      });
    }
  }

  @Test
  void should_choose_the_first_language_the_browser_accepts_that_the_desk_speaks() {
    assertThat(strings.language("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo("ko");
    assertThat(strings.language("fr-CH, fr;q=0.9, th;q=0.5, *;q=0.1")).isEqualTo("th");
    assertThat(strings.language("zh-Hant-TW")).isEqualTo("zh");
    assertThat(strings.language("ja;q=0, vi;q=0.4")).isEqualTo("vi");
    assertThat(strings.language("de")).isEqualTo("en");
    assertThat(strings.language(null)).isEqualTo("en");
    assertThat(strings.language("not a header;;")).isEqualTo("en");
  }
}
