package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static KnowledgeDocument doc(String body) {
    return KnowledgeDocument.of("d", "Doc", "guide", List.of(), body);
  }

  @Test
  void should_cut_by_section_and_leave_out_related() {
    List<Passage> passages = new Chunker().chunk(doc("""
        # Doc
        Intro sentence.

        ## Who is covered
        Importers of **steel** and [cement](https://example.org).

        - first item
        - second item

        ## Related
        - other-doc
        """));

    assertThat(passages).extracting(Passage::heading).containsExactly("", "Who is covered");
    assertThat(passages.get(0).text()).isEqualTo("Intro sentence.");
    assertThat(passages.get(1).text()).isEqualTo("Importers of steel and cement.\nfirst item\nsecond item");
    assertThat(passages).extracting(Passage::id).containsExactly("d#0", "d#1");
  }

  @Test
  void should_end_a_list_item_at_an_unindented_line() {
    List<Passage> passages = new Chunker().chunk(doc("## Centres\n- ENTEC: energy storage systems\nMuch of this work is public.\n"));

    assertThat(passages.get(0).text()).isEqualTo("ENTEC: energy storage systems\nMuch of this work is public.");
  }

  @Test
  void should_split_a_long_section_at_paragraphs_then_sentences() {
    String sentence = "This sentence has exactly enough words to count. ";
    String longParagraph = sentence.repeat(12).strip();
    List<Passage> passages = new Chunker(250).chunk(doc("## Long\n" + longParagraph + "\n\nShort end."));

    assertThat(passages).hasSizeGreaterThan(2).allSatisfy(p -> {
      assertThat(p.heading()).isEqualTo("Long");
      assertThat(p.text().length()).isLessThanOrEqualTo(250);
    });
    assertThat(String.join(" ", passages.stream().map(Passage::text).toList()).replace("\n", " "))
        .isEqualTo(longParagraph + " Short end.");
  }

  @Test
  void should_give_a_document_without_text_one_passage_with_its_title() {
    assertThat(new Chunker().chunk(doc("# Doc\n## Related\n- x\n")))
        .singleElement().extracting(Passage::text).isEqualTo("Doc");
  }
}
