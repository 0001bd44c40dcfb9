package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.messages.Messages;
import org.junit.jupiter.api.Test;

class FollowTextsTest {
  private static final Messages MESSAGES = ShippedPrompts.messages();
  private static final List<String> KEYS = List.of("follow_added", "follow_already", "follow_unknown", "follow_usage",
      "following_list", "following_none", "unfollow_done", "unfollow_unknown", "unfollow_choose", "follow_events_all",
      "follow_events_in", "follow_changed", "follow_section_intro", "reminder", "button_follow", "command_follow",
      "command_following", "command_unfollow", "web_follow");

  @Test
  void should_say_following_and_reminders_in_every_catalogue_language_not_in_a_copy_of_the_english() {
    assertThat(MESSAGES.languages()).contains("ko", "ja", "zh", "vi", "id", "th", "ms");
    for (String language : MESSAGES.languages()) {
      if (language.equals(Messages.ENGLISH)) {
        continue;
      }
      for (String key : KEYS) {
        assertThat(MESSAGES.text(language, key, Map.of())).as(language + " " + key)
            .isNotEqualTo(MESSAGES.text(Messages.ENGLISH, key, Map.of()));
      }
    }
  }

  @Test
  void should_name_the_new_commands_in_help_in_every_language() {
    for (String language : MESSAGES.languages()) {
      assertThat(MESSAGES.text(language, "help")).as(language).contains("/follow", "/following", "/unfollow");
    }
  }
}
