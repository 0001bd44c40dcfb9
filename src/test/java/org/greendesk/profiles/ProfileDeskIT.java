package org.greendesk.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.RecordingChannel;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.follow.SmallKnowledge;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /profile and /check through the desk, as the web chat sends them: messages, and the buttons' texts. */
class ProfileDeskIT {
  @TempDir Path data;
  @TempDir Path knowledge;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final RecordingChannel web = new RecordingChannel("web");
  private final RecordingDesk advisors = new RecordingDesk();
  private GreenDesk greenDesk;
  private DeskServices services;
  private int sent;

  @BeforeEach
  void start() throws Exception {
    SmallKnowledge.write(knowledge, "Declarations are due by 31 May.");
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_KNOWLEDGE_DIR",
        knowledge.toString()));
    greenDesk = GreenDesk.open(settings, new HashingEmbedder(), RetrievalSettings.defaults(), clock);
    services = DeskServices.withDesk(settings, greenDesk::assistant, Map.of("web", web), advisors, clock,
        new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() throws Exception {
    services.close();
    greenDesk.close();
  }

  private RecordingChannel.Sent say(String text) {
    services.desk().receive(new InboundMessage("web", "s1", null, text, "m" + (++sent)));
    services.sender().drainOnce();
    List<RecordingChannel.Sent> all = web.sent();
    return all.get(all.size() - 1);
  }

  @Test
  void should_take_the_answers_as_the_profile_then_check_it_and_offer_an_advisor() {
    assertThat(say("/profile").message().actions()).contains("choice:Korea");
    say("Korea");
    say("steel parts manufacturing");
    say("screws");
    say("Skip");
    say("10-49");
    say("Skip");
    RecordingChannel.Sent done = say("Skip");
    RecordingChannel.Sent check = say("/check");

    assertThat(done.message().text()).contains("Economy: Korea", "Employees: 49");
    assertThat(check.message().text()).contains("Korea steel emissions reporting");
    assertThat(check.message().actions()).containsExactly("advisor");
  }

  @Test
  void should_answer_questions_again_once_another_command_ends_the_questions() {
    say("/profile");
    say("/help");
    RecordingChannel.Sent answer = say("What is CBAM?");

    assertThat(answer.message().text()).contains("carbon price");
    assertThat(services.follows()).isNotNull();
  }

  @Test
  void should_put_the_profile_in_the_brief_and_forget_it_with_the_rest() {
    say("/profile");
    say("Korea");
    say("/advisor please review our case");

    assertThat(advisors.delivered()).isNotEmpty();
    assertThat(services.handoffs().brief(services.escalations().openFor(
        services.conversations().find("web", "s1").orElseThrow().id()).orElseThrow())).contains("Profile: Korea");
    assertThat(services.desk().forget("web", "s1")).isTrue();
    assertThat(services.database().jdbc().queryOne("SELECT COUNT(*) FROM sme_profiles", row -> row.getInt(1)))
        .contains(0);
  }
}
