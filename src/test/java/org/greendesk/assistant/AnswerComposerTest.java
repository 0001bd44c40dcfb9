package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.Retriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an offline answer is chosen, on a small knowledge base of its own: the sentence that carries the kind of
 * fact asked for, curated answers, history, labelled comparisons, and saying what the sources lack.
 */
class AnswerComposerTest {
  @TempDir static Path folder;
  private static PassageIndex index;
  private static Assistant assistant;

  private static String document(String id, String title, String shortName, String economy, String body) {
    return "---\nid: " + id + "\ntitle: " + title + "\nshort_name: " + shortName + "\ncategory: regulation\n"
        + "economies: [" + economy + "]\naliases: [" + shortName + "]\nsource: https://example.org/" + id + "\n---\n"
        + "# " + title + "\n\n" + body;
  }

  @BeforeAll
  static void open() throws Exception {
    Path knowledge = folder.resolve("knowledge");
    write(knowledge, "knowledge.yaml", "economies:\n  EU: [europe]\n  Korea: [korean]\n");
    write(knowledge, "regulation/eu-widgets.md", document("eu-widgets", "EU Widget Regulation", "EU widgets", "EU", """
        The EU Widget Regulation sets rules for widgets sold in the EU.

        ## What to do and by when
        Widget makers must label every widget. The EU Widget Regulation applies from 1 March 2027 to small
        companies. It also covers widget parts.

        ## History
        The EU Widget Regulation was originally due to apply from 1 March 2025.

        ## Small firms
        Micro widget workshops are exempted from the EU widget labelling duty.

        ## Costs
        The EU Widget Regulation charges no registration fee.

        ## How to register
        Widget makers register in three steps:
        - Create an account on the widget portal.
        - Upload the technical file.
        - Pay nothing and wait for the number.

        ## Questions
        Q: Who runs the widget helpdesk?
        A: The European Widget Agency runs the EU widget helpdesk at widgets@example.org.
        """));
    write(knowledge, "regulation/kr-widgets.md", document("kr-widgets", "Korean Widget Act", "K-widgets", "Korea", """
        The Korean Widget Act sets rules for widgets sold in Korea.

        ## What to do and by when
        Korean widget makers must register widgets by 31 December 2028.

        ## How to register
        Korean widget makers register their widgets in two steps.
        1. Apply on the Korean widget portal with the widget's drawings.
        2. Send a sample widget to the Korean widget laboratory.
        """));
    write(knowledge, "regulation/eu-gadgets.md", document("eu-gadgets", "EU Gadget Directive", "EU gadgets", "EU", """
        The EU Gadget Directive sets rules for gadgets sold in the EU.

        ## Registration
        Gadget makers pay a registration fee of €50 to the gadget register.

        ## The gadget register
        The EU gadget register is the public list of gadget makers, run online for the whole EU gadget market.
        The European Gadget Office answers questions on the EU gadget register by email.

        ## Exporting
        Gadget exporters outside the EU have more to do than EU makers. Before the first shipment:
        - Appoint an EU importer of record for the gadgets.
        - Translate the gadget manual into every official EU language.

        ## Market
        Gadget certificates traded at €40 per gadget in the first quarter of 2020.

        ## Questions
        Q: What is the gadget certificate price?
        A: Gadget certificates traded at €40 per gadget in the first quarter of 2020.

        Q: When must a gadget maker renew its registration?
        A: EU gadget registrations are renewed every five years, by the anniversary of the first registration.
        """));
    var base = new KnowledgeLoader().load(knowledge);
    index = new PassageIndex(folder.resolve("index"), new HashingEmbedder(), new Chunker(),
        RetrievalSettings.defaults());
    index.sync(base);
    Retriever retriever = new Retriever(index, base, RetrievalSettings.defaults());
    // The confidence curve is fitted to the real embedding model; this test's words-only vectors would fall under it.
    Confidence sure = new Confidence(5, 0, 0);
    assistant = new Assistant(retriever, ShippedPrompts.setup(LanguageDetector.english()), sure,
        AnswerWeights.defaults());
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static Answer ask(String question) {
    return assistant.reply(question, List.of(), 3).answer();
  }

  @Test
  void should_answer_when_with_the_sentence_that_holds_the_date_in_force() {
    Answer answer = ask("From when does the EU widget regulation apply to small companies?");

    assertThat(answer.text()).startsWith("The EU Widget Regulation applies from 1 March 2027 to small companies.")
        .doesNotContain("1 March 2025");
  }

  @Test
  void should_quote_history_only_when_the_past_is_asked_about() {
    Answer answer = ask("What was the original date of the EU widget regulation?");

    assertThat(answer.text()).contains("originally due to apply from 1 March 2025");
  }

  @Test
  void should_give_a_curated_answer_whole_when_the_question_matches_it() {
    Answer answer = ask("Who runs the widget helpdesk?");

    assertThat(answer.text())
        .isEqualTo("The European Widget Agency runs the EU widget helpdesk at widgets@example.org.");
    assertThat(answer.sources()).first().extracting(Source::id).isEqualTo("eu-widgets");
    assertThat(answer.reason()).contains("a curated answer matched the question");
  }

  @Test
  void should_not_give_a_curated_answer_to_a_question_asking_for_another_kind_of_fact() {
    Answer answer = ask("How to find who runs the widget helpdesk?");

    assertThat(answer.reason()).doesNotContain("curated answer");
  }

  @Test
  void should_quote_a_curated_answer_among_sentences_when_its_question_is_near_but_not_the_same() {
    Answer answer = ask("Our gadget registration is three years old. Until when is it valid before renewal?");

    assertThat(answer.text()).startsWith("EU gadget registrations are renewed every five years");
    assertThat(answer.reason()).doesNotContain("curated answer").contains("quoted");
  }

  @Test
  void should_not_quote_a_curated_answer_whose_question_asks_for_another_kind_of_fact() {
    Answer answer = ask("What documents does a gadget maker send to renew its registration?");

    assertThat(answer.text()).doesNotContain("every five years");
  }

  @Test
  void should_answer_whether_a_rule_applies_to_a_small_firm_from_what_it_says_of_small_firms() {
    Answer answer = ask("We are a widget workshop with 6 staff. Must we label every widget under the EU rules?");

    assertThat(answer.text()).startsWith("Micro widget workshops are exempted");
  }

  @Test
  void should_list_the_steps_a_question_asks_for() {
    Answer answer = ask("What are the steps to register under the EU widget regulation?");

    assertThat(answer.text()).contains("Widget makers register in three steps:\n- Create an account on the widget "
        + "portal.\n- Upload the technical file.");
  }

  @Test
  void should_quote_a_list_whose_items_answer_though_its_introduction_says_little() {
    Answer answer = ask("What steps: appoint an importer of record and translate the manual for EU gadgets?");

    assertThat(answer.text()).contains("Before the first shipment:\n- Appoint an EU importer of record for the "
        + "gadgets.\n- Translate the gadget manual");
  }

  @Test
  void should_quote_the_steps_a_sentence_announces_without_a_colon() {
    Answer answer = ask("What are the steps to register widgets in Korea?");

    assertThat(answer.text()).contains("register their widgets in two steps.\n- Apply on the Korean widget portal "
        + "with the widget's drawings.\n- Send a sample widget to the Korean widget laboratory.");
  }

  @Test
  void should_label_each_part_when_a_question_compares_two_documents() {
    Answer answer = ask("EU widgets vs K-widgets: by when must we act?");

    assertThat(answer.text()).contains("EU widgets: ").contains("K-widgets: ").contains("1 March 2027")
        .contains("31 December 2028");
  }

  @Test
  void should_name_the_document_of_a_sentence_whose_subject_is_implicit() {
    Answer answer = ask("Are widget parts covered too?");

    assertThat(answer.text()).contains("EU widgets: It also covers widget parts.");
  }

  @Test
  void should_answer_whether_a_rule_applies_from_who_it_covers_when_it_gives_no_number() {
    Answer answer = ask("Are small companies exempt from the EU widget regulation?");

    assertThat(answer.text()).contains("applies from 1 March 2027 to small companies").doesNotContain("does not state");
  }

  @Test
  void should_not_take_another_amount_for_the_fine_asked_about() {
    Answer answer = ask("What is the fine for gadget makers under the EU gadget directive?");

    assertThat(answer.text()).contains("does not state that amount").doesNotContain("€50");
  }

  @Test
  void should_open_with_the_sentence_that_says_who_when_asked_who_though_another_is_closer_in_words() {
    Answer answer = ask("Who runs the EU gadget register online?");

    assertThat(answer.text()).startsWith("The European Gadget Office answers questions on the EU gadget register");
  }

  @Test
  void should_not_give_a_price_of_another_time_as_todays_even_from_a_curated_answer() {
    Answer today = ask("What is the gadget certificate price today?");
    Answer then = ask("What is the gadget certificate price?");

    assertThat(today.text()).contains("does not state that amount").doesNotContain("€40");
    assertThat(today.handoff()).isEqualTo(Handoff.OFFERED);
    assertThat(then.text()).contains("€40 per gadget in the first quarter of 2020");
  }

  @Test
  void should_say_what_the_sources_lack_and_offer_an_advisor_instead_of_the_nearest_sentence() {
    Answer answer = ask("What does Korean widget registration cost in won?");

    assertThat(answer.text()).isEqualTo("My source on K-widgets does not state that amount; the official page may: "
        + "https://example.org/kr-widgets. An advisor can look into it for you.");
    assertThat(answer.handoff()).isEqualTo(Handoff.OFFERED);
    assertThat(answer.confidence()).isLessThan(ShippedPrompts.policy().answered());
  }
}
