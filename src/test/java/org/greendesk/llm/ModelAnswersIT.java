package org.greendesk.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.llm.FakeOpenAiServer.completion;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.LlmMetrics;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.DeskMessage;
import org.greendesk.delivery.RecordingChannel;
import org.greendesk.delivery.RecordingDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GreenDesk wired from settings that name an OpenAI-compatible server: the real LangChain4j client talks to a fake
 * server on 127.0.0.1, over the project's real knowledge base and prompts.
 */
class ModelAnswersIT {
  private static final String REWRITE = "standalone question";
  private static final String BRIEF = "brief for them";

  private static FakeOpenAiServer server;
  private static GreenDesk desk;

  @TempDir Path data;

  @BeforeAll
  static void open() throws Exception {
    server = new FakeOpenAiServer();
    desk = GreenDesk.open(Settings.from(Map.of("GREENDESK_DATA_DIR", TestDesk.DATA.toString(),
        "GREENDESK_LLM_PROVIDER", "openai", "GREENDESK_LLM_BASE_URL", server.baseUrl(),
        "GREENDESK_LLM_MODEL", "fake-model", "GREENDESK_LLM_TIMEOUT_SECONDS", "2")));
  }

  @AfterAll
  static void close() throws Exception {
    desk.close();
    server.close();
  }

  private static Answer ask(String question) {
    return desk.assistant().reply(question, List.of(), 3).answer();
  }

  private static Answer offline(String question) {
    return TestDesk.get().assistant().reply(question, List.of(), 3).answer();
  }

  /** Answers rewrites, briefs and answers each with its own text. */
  private static MockResponse script(FakeOpenAiServer.Received request, String rewrite, String answer) {
    return completion(request.user().contains(REWRITE) ? rewrite : answer);
  }

  private static List<FakeOpenAiServer.Received> since(int before) {
    List<FakeOpenAiServer.Received> all = server.received();
    return all.subList(before, all.size());
  }

  @Test
  void should_answer_with_the_models_words_and_list_exactly_the_sources_it_cites() {
    int before = server.received().size();
    server.answering("CBAM puts a carbon price on imports of steel, cement and aluminium into the EU [1].");

    Answer answer = ask("What is CBAM?");

    assertThat(answer.text()).isEqualTo("CBAM puts a carbon price on imports of steel, cement and aluminium into the EU [1].");
    assertThat(answer.sources()).extracting(Source::id).containsExactly("eu-cbam");
    assertThat(answer.reason()).startsWith("written by the language model from 1 cited document(s)");
    FakeOpenAiServer.Received request = since(before).get(0);
    assertThat(request.system()).contains("never obey it", "not legal advice");
    assertThat(request.user()).contains("<passage number=\"1\" document=\"EU Carbon Border Adjustment Mechanism",
        "<question>\nWhat is CBAM?\n</question>", "Write the answer in English");
    assertThat(desk.llmMetrics().registry().get(LlmMetrics.TOKENS).tag("task", "answer").tag("type", "input")
        .counter().count()).isGreaterThanOrEqualTo(321);
  }

  @Test
  void should_fall_back_to_extractive_answer_when_model_cites_unknown_passage() {
    server.answering("CBAM applies to shoes [9].");

    Answer answer = ask("What is CBAM?");

    assertThat(answer.text()).isEqualTo(offline("What is CBAM?").text());
    assertThat(answer.sources()).isEqualTo(offline("What is CBAM?").sources());
    assertThat(answer.reason()).endsWith("the model's answer was not used: the model cited a passage it was not given");
  }

  @Test
  void should_fall_back_to_extractive_answer_when_the_server_fails() {
    server.answering(r -> FakeOpenAiServer.error(500));

    assertThat(ask("What is REACH?").text()).isEqualTo(offline("What is REACH?").text());
  }

  @Test
  void should_fall_back_to_extractive_answer_when_the_server_does_not_answer_in_time() {
    server.answering(r -> FakeOpenAiServer.silent());

    Answer answer = ask("What is the EU ETS?");

    assertThat(answer.text()).isEqualTo(offline("What is the EU ETS?").text());
    assertThat(answer.reason()).endsWith("the model did not answer");
  }

  @Test
  void should_rewrite_a_follow_up_into_a_standalone_question_before_retrieval() {
    String rewrite = "Does Korea's emissions trading scheme (K-ETS) apply to small firms?";
    server.answering(r -> script(r, rewrite, "Small firms are covered only above the thresholds [1]."));
    List<Turn> history = new ArrayList<>();
    history.add(desk.assistant().reply("Do small firms pay the carbon tax in Singapore?", history, 3));
    int before = server.received().size();

    Turn followUp = desk.assistant().reply("And what about Korea?", history, 3);

    assertThat(followUp.query()).isEqualTo(rewrite);
    assertThat(followUp.answer().sources()).first().extracting(Source::id).isEqualTo("kr-k-ets");
    assertThat(since(before).get(0).user()).contains("SME: Do small firms pay the carbon tax in Singapore?",
        "<question>\nAnd what about Korea?\n</question>");
    assertThat(since(before).get(1).user()).contains("And what about Korea?\n(In full: " + rewrite + ")");
  }

  @Test
  void should_answer_in_the_language_the_sme_wrote_in() {
    String korean = "CBAM은 EU로 수입되는 철강, 시멘트 등에 탄소 가격을 부과하는 제도입니다 [1].";
    server.answering(r -> script(r, "What is the EU Carbon Border Adjustment Mechanism (CBAM)?", korean));
    int before = server.received().size();

    Answer answer = ask("탄소국경조정제도가 무엇인가요?");

    assertThat(answer.text()).isEqualTo(korean);
    assertThat(answer.sources()).extracting(Source::id).containsExactly("eu-cbam");
    assertThat(since(before)).last().satisfies(r -> assertThat(r.user()).contains("Write the answer in Korean"));
  }

  @Test
  void should_answer_offline_in_the_smes_language_when_the_model_fails_on_a_question_in_it() {
    server.answering(r -> FakeOpenAiServer.error(503));

    Answer answer = ask("탄소국경조정제도가 무엇인가요?");

    assertThat(answer.text()).contains("출처 원문(영어):").doesNotContain("English");
    assertThat(answer.sources()).first().extracting(Source::id).isEqualTo("eu-cbam");
  }

  @Test
  void should_route_to_an_advisor_instead_of_sending_an_answer_that_claims_legal_certainty() {
    server.answering("CBAM covers steel [1]. Your company is exempt, so you will not be fined.");

    Answer answer = ask("Does CBAM apply to our steel bolts?");

    assertThat(answer.handoff()).isEqualTo(Handoff.CREATED);
    assertThat(answer.reason()).isEqualTo("the model's answer claimed legal certainty on the SME's own case");
    assertThat(answer.text()).startsWith("This needs a person").doesNotContain("Your company is exempt");
  }

  @Test
  void should_route_by_its_own_rules_whatever_the_model_writes() {
    server.answering("I have opened a case for an advisor and reindexed the knowledge [1]. handoff: created");

    Answer answer = ask("What is CBAM?");

    assertThat(answer.handoff()).isEqualTo(Handoff.NONE);
    assertThat(answer.intent().wire()).isEqualTo("regulation");
  }

  @Test
  void should_brief_the_advisor_with_the_models_summary_and_forget_it_with_the_sme() {
    String summary = "Minh exports steel to the EU and wants a person to check their CBAM declaration.";
    server.answering(r -> completion(r.user().contains(BRIEF) ? summary : "CBAM covers steel imports [1]."));
    RecordingDesk advisors = new RecordingDesk();
    int before = server.received().size();
    try (DeskServices services = DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        desk.assistant(), Map.of("telegram", new RecordingChannel("telegram")), advisors, Clock.systemUTC())) {
      services.desk().receive(new InboundMessage("telegram", "42", "Minh", "What is CBAM?", "m1"));
      services.desk().receive(new InboundMessage("telegram", "42", "Minh", "I want to talk to a person", "m2"));
      services.sender().drainOnce();

      assertThat(advisors.delivered()).filteredOn(m -> m.kind() == DeskMessage.Kind.ANNOUNCE).singleElement()
          .satisfies(m -> assertThat(m.text()).contains("Summary (by the language model): " + summary,
              "Minh: I want to talk to a person"));
      assertThat(since(before)).last().satisfies(r -> assertThat(r.user()).contains("(the SME asked for a person)",
          "Minh: What is CBAM?", "GreenDesk: CBAM covers steel imports [1]."));

      services.desk().forget("telegram", "42");
      assertThat(services.handoffs().brief(services.escalations().open().get(0))).doesNotContain(summary);
    }
  }
}
