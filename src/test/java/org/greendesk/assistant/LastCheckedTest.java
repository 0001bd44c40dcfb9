package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.Retriever;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer drawn from a document overdue for its check says when its facts were last checked, in the SME's
 * language, whichever way it was written: offline in English, offline in another language, or by the model.
 */
class LastCheckedTest {
  private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC);
  private static final String NOTE = "Last checked on 3 March 2026; the facts may have changed since.";
  private static final String MODEL_ANSWER = "Widget makers must label every widget from 1 March 2027 [1].";

  @TempDir static Path folder;
  private static PassageIndex index;
  private static Retriever retriever;
  private static Assistant.Setup shipped;
  private static Assistant offline;

  private static String document(String id, String title, String review, String body) {
    return "---\nid: " + id + "\ntitle: " + title + "\ncategory: regulation\neconomies: [EU]\naliases: [" + title
        + "]\nsource: https://example.org/" + id + "\n" + review + "---\n# " + title + "\n\n" + body;
  }

  @BeforeAll
  static void open() throws Exception {
    Path knowledge = folder.resolve("knowledge");
    write(knowledge, "regulation/widgets.md", document("widgets", "EU Widget Regulation",
        "reviewed: 2026-03-03\nreview_every: 90\n", """
        The EU Widget Regulation sets rules for widgets sold in the EU.

        ## What to do and by when
        Widget makers must label every widget from 1 March 2027.

        ## Costs
        As of November 2026, the EU Widget Regulation charges a registration fee of EUR 40 per widget model.
        """));
    write(knowledge, "regulation/gadgets.md", document("gadgets", "EU Gadget Directive",
        "reviewed: 2026-11-20\nreview_every: 90\n", """
        The EU Gadget Directive sets rules for gadgets sold in the EU.

        ## What to do and by when
        Gadget makers must register every gadget from 1 June 2027.
        """));
    write(knowledge, "languages/ko.yaml", """
        language: ko
        name: Korean
        glossary:
          위젯: [widget]
        documents:
          widgets:
            names: [EU 위젯 규정]
            summary: EU 위젯 규정은 EU에서 판매되는 위젯의 라벨 표시를 정한 규정입니다.
        """);
    var base = new KnowledgeLoader().load(knowledge);
    index = new PassageIndex(folder.resolve("index"), new HashingEmbedder(), new Chunker(),
        RetrievalSettings.defaults());
    index.sync(base);
    retriever = new Retriever(index, base, RetrievalSettings.defaults());
    shipped = ShippedPrompts.setup(LanguageDetector.english());
    offline = assistant(null);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static Assistant assistant(@Nullable ModelWriter writer) {
    Assistant.Setup setup = new Assistant.Setup(shipped.policy(), shipped.messages(), shipped.languages(),
        shipped.intents(), DECEMBER, writer);
    // The confidence curve is fitted to the real embedding model; this test's words-only vectors would fall under it.
    return new Assistant(retriever, setup, new Confidence(5, 0, 0), AnswerWeights.defaults());
  }

  private static Answer ask(String question, String language) {
    return offline.reply(question, List.of(), 3, language).answer();
  }

  @Test
  void should_say_when_an_overdue_documents_facts_were_last_checked() {
    Answer answer = ask("From when must widget makers label every widget?", "en");

    assertThat(answer.sources()).first().extracting(Source::id).isEqualTo("widgets");
    assertThat(answer.text()).startsWith("Widget makers must label every widget from 1 March 2027.")
        .endsWith("\n\n" + NOTE);
  }

  @Test
  void should_add_nothing_to_an_answer_from_a_document_checked_in_time() {
    Answer answer = ask("From when must gadget makers register every gadget?", "en");

    assertThat(answer.sources()).first().extracting(Source::id).isEqualTo("gadgets");
    assertThat(answer.text()).contains("1 June 2027").doesNotContain("Last checked");
  }

  @Test
  void should_keep_as_of_in_a_time_bound_fact() {
    Answer answer = ask("How much is the registration fee of the EU widget regulation?", "en");

    assertThat(answer.text()).contains("As of November 2026, the EU Widget Regulation charges a registration fee")
        .endsWith(NOTE);
  }

  @Test
  void should_say_it_in_the_smes_language_with_the_date_as_that_language_writes_it() {
    Answer answer = ask("From when must widget makers label every widget?", "ko");

    assertThat(answer.text()).startsWith("EU 위젯 규정은").contains("1 March 2027")
        .endsWith("\n\n2026년 3월 3일에 마지막으로 확인한 내용입니다. 그 이후 바뀌었을 수 있습니다.");
  }

  @Test
  void should_add_it_to_an_answer_the_language_model_wrote() {
    ModelWriter writer = new ModelWriter(FakeLanguageModel.answering(MODEL_ANSWER), ShippedPrompts.prompts(),
        ShippedPrompts.policy(), LlmMetrics.inMemory());

    Answer answer = assistant(writer).reply("From when must widget makers label every widget?", List.of(), 3, "en")
        .answer();

    assertThat(answer.reason()).contains("written by the language model");
    assertThat(answer.text()).isEqualTo("Widget makers must label every widget from 1 March 2027 [1].\n\n" + NOTE);
  }

  @Test
  void should_write_the_date_in_full_in_each_language() {
    LocalDate day = LocalDate.of(2026, 3, 3);

    assertThat(List.of("en", "ja", "zh", "id", "ms", "vi")).map(language -> ReviewNote.date(day, language))
        .containsExactly("3 March 2026", "2026年3月3日", "2026年3月3日", "3 Maret 2026", "3 Mac 2026", "3 tháng 3, 2026");
  }
}
