package org.greendesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.messages.Messages;
import org.junit.jupiter.api.Test;

class ProfileTextsTest {
  private static final Messages MESSAGES = ShippedPrompts.messages();

  @Test
  void should_ask_for_the_profile_and_frame_the_check_in_every_catalogue_language() {
    List<String> keys = MESSAGES.startingWith(Messages.ENGLISH, "profile_").keySet().stream().toList();
    List<String> check = MESSAGES.startingWith(Messages.ENGLISH, "check_").keySet().stream().toList();
    assertThat(keys).hasSizeGreaterThan(15);
    for (String language : MESSAGES.languages()) {
      if (language.equals(Messages.ENGLISH)) {
        continue;
      }
      for (String key : java.util.stream.Stream.concat(keys.stream(), check.stream()).toList()) {
        assertThat(MESSAGES.text(language, key, Map.of())).as(language + " " + key)
            .isNotEqualTo(MESSAGES.text(Messages.ENGLISH, key, Map.of()));
      }
      assertThat(MESSAGES.text(language, "help")).as(language).contains("/profile", "/check");
    }
  }
}
