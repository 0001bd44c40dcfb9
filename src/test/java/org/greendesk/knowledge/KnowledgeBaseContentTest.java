package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's own knowledge base: complete, and every document fit to be quoted with its source. */
class KnowledgeBaseContentTest {
  private static final Path KNOWLEDGE = Path.of("knowledge");
  private static final Set<String> CATEGORIES =
      Set.of("regulation", "funding", "event", "organisation", "directory", "guide");
  private static KnowledgeBase base;

  @BeforeAll
  static void load() throws Exception {
    base = new KnowledgeLoader().load(KNOWLEDGE);
  }

  @Test
  void should_hold_every_document_of_the_coverage_list() throws Exception {
    List<String> required = Files.readAllLines(Path.of("src/test/resources/knowledge-coverage.txt")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

    assertThat(required).hasSize(101);
    assertThat(base.byId().keySet()).containsAll(required);
  }

  @Test
  void should_give_every_document_complete_front_matter() {
    assertThat(base.documents()).allSatisfy(d -> {
      assertThat(d.id()).as(d.file().toString()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(CATEGORIES).as("category of %s", d.id()).contains(d.category());
      assertThat(d.file().getParent().getFileName().toString()).as("folder of %s", d.id()).isEqualTo(d.category());
      assertThat(d.file().getFileName().toString()).isEqualTo(d.id() + ".md");
      assertThat(d.economies()).as("economies of %s", d.id()).isNotEmpty();
      assertThat(d.topics()).as("topics of %s", d.id()).isNotEmpty();
      assertThat(d.aliases()).as("aliases of %s", d.id()).isNotEmpty();
      assertThat(d.reviewed()).as("reviewed date of %s", d.id()).isNotNull();
      assertThat(d.review().reviewedBy()).as("reviewed_by of %s", d.id()).isNotBlank();
      assertThat(d.review().due()).as("review_every or next_review of %s", d.id()).isPresent();
      assertThat(d.source()).as("source of %s", d.id()).matches("https?://.+");
      assertThat(URI.create(d.source()).getHost()).as("source host of %s", d.id()).contains(".");
    });
  }

  @Test
  void should_keep_every_body_between_250_and_1400_words_besides_its_curated_questions() {
    assertThat(base.documents()).allSatisfy(d -> assertThat(d.body().replaceAll("(?s)## Questions.*?(?=\n## |$)", "")
        .split("\\s+").length).as("words in %s", d.id()).isBetween(250, 1400));
  }

  @Test
  void should_give_regulations_and_funding_curated_answers_and_sources_that_state_their_facts() {
    List<KnowledgeDocument> rules = base.documents().stream()
        .filter(d -> d.category().equals("regulation") || d.category().equals("funding")).toList();

    assertThat(rules).allSatisfy(d -> assertThat(d.questions()).as("pairs of %s", d.id())
        .hasSizeGreaterThanOrEqualTo(4));
    assertThat(base.documents().stream().mapToInt(d -> d.questions().size()).sum()).isGreaterThanOrEqualTo(350);
    assertThat(base.warnings()).as("home pages cited as sources").isEmpty();
  }

  @Test
  void should_cover_each_southeast_asian_economy_with_rules_and_funding_of_its_own() {
    assertThat(base.documents()).hasSizeGreaterThanOrEqualTo(130);
    for (String economy : List.of("Philippines", "Malaysia", "Viet Nam", "Indonesia", "Thailand")) {
      long own = base.documents().stream().filter(d -> d.economies().contains(economy))
          .filter(d -> d.category().equals("regulation") || d.category().equals("funding")).count();
      assertThat(own).as("regulation and funding documents for %s", economy).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void should_relate_only_to_documents_that_exist() {
    Set<String> ids = base.byId().keySet();
    assertThat(base.documents()).allSatisfy(d -> assertThat(ids).as("related ids of %s", d.id())
        .containsAll(d.related()));
  }

  @Test
  void should_name_only_economies_that_questions_can_name() {
    Set<String> named = base.documents().stream().flatMap(d -> d.economies().stream()).collect(Collectors.toSet());
    named.remove("Global");
    assertThat(named).allSatisfy(economy -> assertThat(base.economies().find(economy)).as(economy).contains(economy));
  }

  @Test
  void should_say_whom_every_regulation_concerns_and_who_may_get_every_funding_within_its_own_economies() {
    List<KnowledgeDocument> regulations = base.documents().stream().filter(d -> d.category().equals("regulation"))
        .toList();
    List<KnowledgeDocument> funding = base.documents().stream().filter(d -> d.category().equals("funding")).toList();

    assertThat(regulations).allSatisfy(d -> assertThat(d.applicability().appliesTo()).as("applies_to of %s", d.id())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(concat(c.establishedIn(), c.sellsInto())).as("economies of %s", d.id())
            .allSatisfy(e -> assertThat(within(e, d)).as("%s in %s", e, d.id()).isTrue())));
    assertThat(funding).allSatisfy(d -> assertThat(d.applicability().eligibility()).as("eligible of %s", d.id())
        .hasValueSatisfying(c -> assertThat(c.establishedIn()).isNotEmpty()
            .allSatisfy(e -> assertThat(within(e, d)).as("%s in %s", e, d.id()).isTrue())));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The economy is one of the document's, or a member of one of its groups, or the document is global. */
  private static boolean within(String economy, KnowledgeDocument d) {
    return d.economies().contains("Global")
        || base.economies().memberships(economy).stream().anyMatch(d.economies()::contains);
  }
}
