package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge format's curated answers, history and review metadata, as the loader and the chunker read them. */
class CuratedKnowledgeTest {
  @TempDir Path folder;
  private final KnowledgeLoader loader = new KnowledgeLoader();

  private static String document(String id, String frontMatter, String body) {
    return "---\nid: " + id + "\ntitle: Rule " + id + "\ncategory: regulation\nsource: https://example.org/rules/" + id
        + "\n" + frontMatter + "---\n# Rule " + id + "\n\n" + body;
  }

  @Test
  void should_read_question_pairs_history_and_review_metadata() throws Exception {
    write(folder, "regulation/a.md", document("a", """
        short_name: Rule A
        reviewed: 2026-12-01
        reviewed_by: Knowledge team
        review_every: 90
        verification: unconfirmed
        verification_note: the 2027 fee
        sources:
          Dates: https://example.org/rules/a/dates
        """, """
        Rule A applies to importers.

        ## Dates
        Rule A applies from 1 January 2027.

        ## History
        Rule A was first due to apply from 1 January 2025.

        ## Questions
        Q: When does rule A apply?
        Q: Rule A start date?
        A: Rule A applies from 1 January 2027.

        Q: Who does rule A cover?
        A: Rule A covers importers.
        """));

    KnowledgeDocument d = loader.load(folder).documents().get(0);

    assertThat(d.shortName()).isEqualTo("Rule A");
    assertThat(d.questions()).containsExactly(
        new QuestionPair(List.of("When does rule A apply?", "Rule A start date?"),
            "Rule A applies from 1 January 2027."),
        new QuestionPair(List.of("Who does rule A cover?"), "Rule A covers importers."));
    assertThat(d.review().reviewedBy()).isEqualTo("Knowledge team");
    assertThat(d.review().due()).contains(LocalDate.of(2027, 3, 1));
    assertThat(d.review().overdue(LocalDate.of(2027, 3, 2))).isTrue();
    assertThat(d.review().unconfirmed()).isEqualTo("the 2027 fee");
    assertThat(d.sources()).containsEntry("Dates", "https://example.org/rules/a/dates");
    assertThat(new Chunker().chunk(d)).extracting(Passage::heading, Passage::kind).containsExactly(
        tuple("", PassageKind.TEXT),
        tuple("Dates", PassageKind.TEXT),
        tuple("History", PassageKind.HISTORY),
        tuple("Questions", PassageKind.QUESTION),
        tuple("Questions", PassageKind.QUESTION));
  }

  @Test
  void should_report_each_malformed_pair_with_its_file_and_line() {
    String longAnswer = "Rule B " + "costs a great deal of money ".repeat(12);
    Path file = write(folder, "regulation/b.md", document("b", "", """
        Rule B applies to importers.

        ## Questions
        Q: What does rule B cost?
        A: %s

        Q: Is there a question without an answer?
        Some note.
        A: Rule B answers.
        A: An answer without a question.
        """.formatted(longAnswer)));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).extracting(KnowledgeProblem::line, KnowledgeProblem::problem).containsExactly(
        tuple(13, "answer of " + longAnswer.strip().length() + " characters (at most 300)"),
        tuple(16, "only 'Q:' and 'A:' lines belong in the Questions section"),
        tuple(18, "answer without a question"));
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
  }

  @Test
  void should_refuse_a_question_asked_in_two_documents() {
    write(folder, "regulation/c.md", document("c", "", "Rule C.\n\n## Questions\nQ: What is the fee?\n"
        + "A: Rule C costs EUR 5.\n"));
    write(folder, "regulation/d.md", document("d", "", "Rule D.\n\n## Questions\nQ: what is the FEE\n"
        + "A: Rule D costs EUR 6.\n"));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file().getFileName().toString()).isEqualTo("d.md");
      assertThat(p.problem()).isEqualTo("question asked twice (also at c.md:12): what is the FEE");
    });
  }

  @Test
  void should_refuse_a_review_period_out_of_range_and_an_unconfirmed_mark_without_a_note() {
    write(folder, "regulation/e.md", document("e", "review_every: 3\nverification: unconfirmed\n", "Rule E.\n"));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).extracting(KnowledgeProblem::problem).containsExactly(
        "review_every must be a number of days, 7 to 730: 3",
        "verification: unconfirmed needs a verification_note saying what is unconfirmed");
  }

  @Test
  void should_warn_when_a_regulation_cites_a_home_page() throws Exception {
    write(folder, "regulation/f.md", document("f", "", "Rule F.\n").replace("https://example.org/rules/f",
        "https://example.org/"));

    KnowledgeBase base = loader.load(folder);

    assertThat(base.warnings()).singleElement().satisfies(w -> assertThat(w.problem())
        .isEqualTo("source is a home page, not the page that states the facts: https://example.org/"));
  }

  @Test
  void should_warn_with_its_line_when_a_section_of_a_regulation_cites_a_home_page() throws Exception {
    write(folder, "regulation/g.md", document("g", """
        sources:
          Dates: https://example.org/rules/g/dates
          History: https://www.example.org/
        """, "Rule G.\n\n## Dates\nFrom 2027.\n\n## History\nFirst due in 2025.\n"));
    write(folder, "guide/h.md", document("h", "sources:\n  Steps: https://example.org\n",
        "Guide H.\n\n## Steps\nOne.\n").replace("category: regulation", "category: guide"));

    KnowledgeBase base = loader.load(folder);

    assertThat(base.warnings()).singleElement().satisfies(w -> {
      assertThat(w.file().getFileName().toString()).isEqualTo("g.md");
      assertThat(w.line()).isEqualTo(8);
      assertThat(w.problem()).isEqualTo("the source of section 'History' is a home page, not the page that states "
          + "its facts: https://www.example.org/");
    });
  }
}
