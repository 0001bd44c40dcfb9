package org.greendesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.follow.SmallKnowledge;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;
import org.greendesk.profile.Profile;
import org.greendesk.store.Database;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFlowTest {
  private static final Messages MESSAGES = ShippedPrompts.messages();
  @TempDir Path data;
  @TempDir Path folder;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Database database;
  private Profiles profiles;
  private long chat;

  @BeforeEach
  void open() {
    KnowledgeBase knowledge = SmallKnowledge.load(folder, "Declarations are due by 31 May.");
    database = Database.open(null, null, null, data);
    profiles = Profiles.on(database.jdbc(), () -> knowledge, MESSAGES, clock);
    chat = new ConversationStore(database.jdbc(), List.of()).conversation("web", "s1", null, clock.instant()).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Reply answer(String text) {
    return profiles.flow().answer(chat, text, "en");
  }

  @Test
  void should_ask_each_question_with_its_choices_and_keep_the_answers() {
    Reply first = profiles.flow().profile(chat, "", "en");
    assertThat(first.key()).isEqualTo("profile_start");
    assertThat(first.actions()).containsExactly("choice:Korea");
    assertThat(profiles.flow().asking(chat)).isTrue();

    assertThat(answer("Atlantis").key()).isEqualTo("profile_not_understood");
    assertThat(answer("south korea").key()).isEqualTo("profile_ask_sector");
    assertThat(answer("steel parts").key()).isEqualTo("profile_ask_products");
    assertThat(answer("steel screws, HS 7318").key()).isEqualTo("profile_ask_exports");
    assertThat(answer("European Union; Mars").actions()).contains("choice:10-49", "choice:Skip");
    assertThat(answer("10-49").key()).isEqualTo("profile_ask_turnover");
    assertThat(answer("2.5m").key()).isEqualTo("profile_ask_emissions");
    Reply done = answer("Skip");

    assertThat(done.key()).isEqualTo("profile_done");
    assertThat(profiles.flow().asking(chat)).isFalse();
    Profile stored = profiles.store().find(chat).orElseThrow().profile();
    assertThat(stored.economy()).isEqualTo("Korea");
    assertThat(stored.products()).containsExactly("steel screws", "HS 7318");
    assertThat(stored.exportsTo()).containsExactly("EU");
    assertThat(stored.facts()).isEqualTo(Map.of(Fact.EMPLOYEES, 49.0, Fact.TURNOVER_EUR, 2_500_000.0));
    assertThat(MESSAGES.text("en", done.key(), done.values())).contains("Economy: Korea", "Employees: 49",
        "Yearly turnover: €2,500,000");
    assertThat(profiles.brief(chat)).contains("Korea · steel parts · products: steel screws, HS 7318 · exports to: "
        + "EU · 49 employees · turnover €2,500,000");
  }

  @Test
  void should_show_a_stored_profile_and_ask_again_on_edit() {
    profiles.store().save(chat, Profile.of("Korea", "steel", List.of("bolts")), null, clock.instant());

    Reply shown = profiles.flow().profile(chat, "", "ko");
    Reply edit = profiles.flow().profile(chat, "edit", "ko");

    assertThat(MESSAGES.text("ko", shown.key(), shown.values())).contains("국가: Korea", "업종: steel");
    assertThat(edit.key()).isEqualTo("profile_start");
    assertThat(profiles.store().find(chat).orElseThrow().profile().sector()).isEqualTo("steel");
  }

  @Test
  void should_check_the_stored_profile_and_offer_an_advisor() {
    assertThat(profiles.check().check(chat, "en").key()).isEqualTo("check_needs_profile");
    profiles.store().save(chat, Profile.of("Korea", "steel parts manufacturing", List.of("screws")), null,
        clock.instant());

    Reply check = profiles.check().check(chat, "en");

    assertThat(check.actions()).containsExactly("advisor");
    assertThat(MESSAGES.text("en", check.key(), check.values()))
        .contains("What concerns a company in Korea", "Applies to you:\n• Korea steel emissions reporting (2027-03-31)",
            "Events for you:\n", "• Korea Green SME Forum (2026-12-20)", "an advisor can review it");
  }

  @Test
  void should_give_the_profiles_dates_to_the_reminders() {
    profiles.store().save(chat, Profile.of("Korea", "steel", List.of()), null, clock.instant());

    assertThat(profiles.dates().all(SmallKnowledge.load(folder, "x"), java.time.LocalDate.of(2026, 11, 23)))
        .extracting(c -> c.item().id()).contains("kr-steel-reporting", "kr-forum@test");
  }
}
