package org.greendesk.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.knowledge.KnowledgeFiles;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gap loop on a real H2 database and a real knowledge folder: offered on resolution, accepted or dismissed. */
class KnowledgeCandidatesTest {
  @TempDir Path data;
  @TempDir Path knowledge;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;
  private KnowledgeCandidates candidates;
  private long conversation;

  @BeforeEach
  void open() {
    services = DeskServices.handoffsOnly(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())), clock);
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    conversation = services.conversations().conversation("telegram", "42", "Minh", clock.instant()).id();
    candidates = new KnowledgeCandidates(services.database().jdbc());
  }

  @AfterEach
  void close() {
    services.close();
  }

  private Escalation claimed(String question) {
    Escalation e = services.handoffs().open(new Handoffs.Request(conversation, "weak match", question, "funding",
        List.of("Viet Nam"), List.of(), null));
    return services.handoffs().claim(e.id(), "kim");
  }

  @Test
  void should_offer_the_advisors_answer_when_the_escalation_is_resolved() {
    Escalation e = claimed("Are there grants for solar panels in Hanoi?");
    services.handoffs().reply(e.id(), "kim", "Yes: the city's green fund pays 30% of the panels.");
    clock.advance(Duration.ofMinutes(1));
    services.handoffs().reply(e.id(), "kim", "Apply before March.");

    assertThat(candidates.offered(10)).as("not before it is resolved").isEmpty();
    services.handoffs().resolve(e.id(), "kim");

    assertThat(candidates.offered(10)).singleElement().satisfies(c -> {
      assertThat(c.question()).isEqualTo("Are there grants for solar panels in Hanoi?");
      assertThat(c.answer()).isEqualTo("Yes: the city's green fund pays 30% of the panels.\n\nApply before March.");
      assertThat(c.economies()).containsExactly("Viet Nam");
    });
  }

  @Test
  void should_offer_nothing_when_the_advisor_wrote_nothing() {
    services.handoffs().resolve(claimed("A question").id(), "kim");

    assertThat(candidates.offered(10)).isEmpty();
  }

  @Test
  void should_accept_once_into_a_draft_pair_that_the_loader_skips_until_it_is_moved_into_a_document()
      throws Exception {
    KnowledgeFiles.write(knowledge, "funding/alpha.md", KnowledgeFiles.document("alpha", "Alpha", "funding", "Text."));
    Escalation e = claimed("Grants for solar: panels in \"Hanoi\"?");
    services.handoffs().reply(e.id(), "kim", "The green fund pays 30%.");
    services.handoffs().resolve(e.id(), "kim");
    long id = candidates.offered(10).get(0).id();

    Path draft = candidates.accept(id, "USTAFF", new KnowledgeDrafts(knowledge), clock.instant()).orElseThrow();
    boolean again = candidates.accept(id, "UOTHER", new KnowledgeDrafts(knowledge), clock.instant()).isPresent();

    assertThat(again).isFalse();
    assertThat(candidates.offered(10)).isEmpty();
    assertThat(draft.getParent().getFileName()).hasToString(KnowledgeDrafts.FOLDER);
    String written = Files.readString(draft);
    assertThat(written).contains("status: draft", "USTAFF", "## Questions\nQ: Grants for solar: panels in "
        + "\"Hanoi\"?\nA: The green fund pays 30%.\n");
    assertThat(new KnowledgeLoader().load(knowledge).documents()).extracting(KnowledgeDocument::id)
        .containsExactly("alpha");
    // Publishing: the pair's lines move into the document's Questions section.
    String pair = written.substring(written.indexOf("## Questions"));
    Files.writeString(knowledge.resolve("funding/alpha.md"), "\n" + pair, java.nio.file.StandardOpenOption.APPEND);
    KnowledgeBase published = new KnowledgeLoader().load(knowledge);
    assertThat(published.document("alpha").orElseThrow().questions()).singleElement()
        .satisfies(q -> assertThat(q.answer()).isEqualTo("The green fund pays 30%."));
  }

  @Test
  void should_dismiss_once_and_forget_candidates_with_the_sme() {
    Escalation e = claimed("First question");
    services.handoffs().reply(e.id(), "kim", "An answer.");
    services.handoffs().resolve(e.id(), "kim");
    long id = candidates.offered(10).get(0).id();

    boolean dismissed = candidates.decide(id, KnowledgeCandidate.State.DISMISSED, "USTAFF", null, clock.instant());
    boolean twice = candidates.decide(id, KnowledgeCandidate.State.DISMISSED, "USTAFF", null, clock.instant());
    services.conversations().forget("telegram", "42", clock.instant());

    assertThat(dismissed).isTrue();
    assertThat(twice).isFalse();
    assertThat(candidates.find(id)).isEmpty();
  }
}
