package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;
import org.greendesk.search.DocumentHit;
import org.junit.jupiter.api.Test;

class ExtractiveComposerTest {
  private final ExtractiveComposer composer = new ExtractiveComposer(
      text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() > 2).toList(),
      term -> term.equals("penalty") ? 3.0 : 1.0, 200, 2);

  private static DocumentHit hit(String id, String... passages) {
    KnowledgeDocument document = new KnowledgeDocument(id, id, "regulation", List.of(), List.of(), List.of(), null,
        null, Map.of(), "body", List.of(), Path.of(id + ".md"), "h");
    List<Passage> list = new java.util.ArrayList<>();
    for (int i = 0; i < passages.length; i++) {
      list.add(new Passage(id + "#" + i, id, i, i == 0 ? "" : "Costs and penalties", passages[i]));
    }
    return new DocumentHit(document, 1.0, list, 0.8, 1.0);
  }

  @Test
  void should_pick_the_sentences_that_share_the_rarest_words_with_the_question() {
    DocumentHit rule = hit("rule",
        "The penalty for a late report is a fine per tonne. Reports are filed every year. Weather is irrelevant here.",
        "Other things are covered elsewhere in the text.");

    ExtractiveComposer.Composition answer = composer.compose(List.of("penalty", "late", "report"), List.of(rule));

    assertThat(answer.text()).startsWith("The penalty for a late report is a fine per tonne.");
    assertThat(answer.text()).doesNotContain("Weather");
    assertThat(answer.documentIds()).containsExactly("rule");
  }

  @Test
  void should_keep_the_answer_short() {
    String sentence = "The penalty rule applies to every report and every importer in every sector. ";
    ExtractiveComposer.Composition answer = composer.compose(List.of("penalty", "report"),
        List.of(hit("long", sentence.repeat(10))));

    assertThat(answer.text().length()).isLessThanOrEqualTo(200);
  }

  @Test
  void should_not_quote_a_sentence_that_introduces_a_list() {
    ExtractiveComposer.Composition answer = composer.compose(List.of("penalty"),
        List.of(hit("list", "The penalty covers these cases:\nLate reports under the penalty scheme.")));

    assertThat(answer.text()).isEqualTo("Late reports under the penalty scheme.");
  }

  @Test
  void should_quote_a_second_document_only_when_it_ranks_close_to_the_first() {
    DocumentHit first = hit("first", "The penalty is a fine.");
    DocumentHit distant = new DocumentHit(hit("second", "A penalty also applies here.").document(), 0.5,
        hit("second", "A penalty also applies here.").passages(), 0.5, 0.5);

    assertThat(composer.compose(List.of("penalty"), List.of(first, distant)).documentIds()).containsExactly("first");
  }
}
