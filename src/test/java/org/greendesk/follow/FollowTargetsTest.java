package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.greendesk.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowTargetsTest {
  @TempDir Path folder;
  private KnowledgeBase knowledge;

  @BeforeEach
  void load() {
    knowledge = SmallKnowledge.load(folder, "Declarations are due by 31 May.");
  }

  @Test
  void should_read_a_document_by_its_alias_id_or_short_name_whatever_the_case() {
    Follow cbam = new Follow(Follow.Kind.DOCUMENT, "eu-cbam", "EU CBAM");

    assertThat(FollowTargets.resolve("CBAM", knowledge)).contains(cbam);
    assertThat(FollowTargets.resolve("cbam", knowledge)).contains(cbam);
    assertThat(FollowTargets.resolve("eu-cbam", knowledge)).contains(cbam);
    assertThat(FollowTargets.resolve(" EU CBAM ", knowledge)).contains(cbam);
  }

  @Test
  void should_read_events_of_an_economy_an_economy_and_a_topic() {
    assertThat(FollowTargets.resolve("events Korea", knowledge))
        .contains(new Follow(Follow.Kind.EVENTS, "Korea", "Korea"));
    assertThat(FollowTargets.resolve("events in south korea", knowledge))
        .contains(new Follow(Follow.Kind.EVENTS, "Korea", "Korea"));
    assertThat(FollowTargets.resolve("events", knowledge)).contains(new Follow(Follow.Kind.EVENTS, "", ""));
    assertThat(FollowTargets.resolve("Korean", knowledge)).contains(new Follow(Follow.Kind.ECONOMY, "Korea", "Korea"));
    assertThat(FollowTargets.resolve("Carbon Pricing", knowledge))
        .contains(new Follow(Follow.Kind.TOPIC, "carbon pricing", "carbon pricing"));
  }

  @Test
  void should_read_nothing_it_does_not_know_exactly() {
    assertThat(FollowTargets.resolve("carbon", knowledge)).isEmpty();
    assertThat(FollowTargets.resolve("events Atlantis", knowledge)).isEmpty();
    assertThat(FollowTargets.resolve("  ", knowledge)).isEmpty();
  }
}
