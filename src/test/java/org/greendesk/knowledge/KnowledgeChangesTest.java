package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.greendesk.knowledge.KnowledgeChanges.ChangedDocument;
import org.junit.jupiter.api.Test;

class KnowledgeChangesTest {
  private static final String CBAM = """
      # CBAM

      CBAM applies to importers of steel.

      ## Who is covered
      Importers of more than 50 tonnes a year.

      ## Deadlines
      The first declaration is due by 30 September 2027.

      ## Related
      - eu-ets
      """;

  private static KnowledgeDocument document(String id, String body) {
    return KnowledgeDocument.of(id, id.toUpperCase(), "regulation", List.of("EU"), body);
  }

  @Test
  void should_name_the_sections_whose_text_changed() {
    String edited = CBAM.replace("30 September 2027", "31 October 2027");

    KnowledgeChanges changes = KnowledgeChanges.between(List.of(document("eu-cbam", CBAM)),
        List.of(document("eu-cbam", edited)));

    assertThat(changes.changed()).containsExactly(new ChangedDocument("eu-cbam", List.of("Deadlines")));
    assertThat(changes.added()).isEmpty();
    assertThat(changes.removed()).isEmpty();
  }

  @Test
  void should_list_added_and_removed_documents_and_leave_unchanged_ones_out() {
    List<KnowledgeDocument> before = List.of(document("eu-cbam", CBAM), document("eu-ets", "# ETS\n\nThe ETS."));
    List<KnowledgeDocument> after = List.of(document("eu-cbam", CBAM), document("eu-reach", "# REACH\n\nREACH."));

    KnowledgeChanges changes = KnowledgeChanges.between(before, after);

    assertThat(changes.added()).containsExactly("eu-reach");
    assertThat(changes.removed()).containsExactly("eu-ets");
    assertThat(changes.changed()).isEmpty();
    assertThat(changes.none()).isFalse();
    assertThat(KnowledgeChanges.between(before, before).none()).isTrue();
  }

  @Test
  void should_count_a_section_added_removed_or_renamed_as_changed() {
    String edited = CBAM.replace("## Who is covered", "## Who must declare") + "\n## Penalties\nEUR 100 a tonne.\n";

    assertThat(KnowledgeChanges.changedSections(CBAM, edited))
        .containsExactly("Who must declare", "Penalties", "Who is covered");
  }

  @Test
  void should_name_the_opening_text_the_introduction() {
    String edited = CBAM.replace("importers of steel", "importers of steel and aluminium");

    assertThat(KnowledgeChanges.changedSections(CBAM, edited)).containsExactly(KnowledgeChanges.INTRODUCTION);
  }

  @Test
  void should_not_count_reflowed_lines_or_spacing_as_a_change() {
    String reflowed = CBAM.replace("Importers of more than 50 tonnes a year.",
        "Importers of more than\n50  tonnes a year.\n");

    assertThat(KnowledgeChanges.changedSections(CBAM, reflowed)).isEmpty();
  }

  @Test
  void should_report_a_document_whose_front_matter_alone_changed_with_no_section() {
    KnowledgeDocument before = document("eu-cbam", CBAM);
    KnowledgeDocument after = new KnowledgeDocument(before.id(), before.title(), before.shortName(), before.category(),
        before.economies(), before.topics(), before.aliases(), "https://example.org/cbam", before.sources(),
        before.review(), before.attributes(), before.body(), before.questions(), before.related(), before.file(),
        "another-hash");

    KnowledgeChanges changes = KnowledgeChanges.between(List.of(before), List.of(after));

    assertThat(changes.changed()).containsExactly(new ChangedDocument("eu-cbam", List.of()));
  }

  @Test
  void should_tell_apart_two_sections_with_the_same_heading_by_their_order() {
    String body = "## Notes\nFirst note.\n\n## Notes\nSecond note.\n";

    assertThat(KnowledgeChanges.changedSections(body, body.replace("Second", "Other")))
        .containsExactly("Notes (2)");
  }
}
