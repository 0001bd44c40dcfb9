package org.greendesk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.TestDesk;
import org.greendesk.search.SearchMode;
import org.junit.jupiter.api.Test;

/** The project's own figures must hold as the knowledge base grows: these are the targets of the README. */
class EvaluationIT {
  private final GreenDesk desk = TestDesk.get();

  @Test
  void should_keep_recall_at_three_at_or_above_095_and_decline_off_topic_questions() throws Exception {
    List<EvalQuestion> questions = EvalSet.load(Path.of("eval/retrieval"));
    RetrievalEvaluation.Report report = new RetrievalEvaluation(desk.retriever()::search,
        q -> desk.assistant().reply(q, List.of(), 3).answer(), desk.knowledge()).run(questions, SearchMode.HYBRID);

    assertThat(report.questions()).isGreaterThanOrEqualTo(150);
    assertThat(report.recallAt3()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.offTopicDeclined()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.meanConfidenceRight()).isGreaterThan(report.meanConfidenceOffTopic() + 0.3);
  }

  @Test
  void should_have_at_least_two_questions_for_every_document() throws Exception {
    Map<String, Long> perDocument = EvalSet.load(Path.of("eval/retrieval")).stream()
        .filter(EvalQuestion::answerable)
        .collect(Collectors.groupingBy(q -> q.expected().get(0), Collectors.counting()));

    assertThat(desk.knowledge().documents()).allSatisfy(d ->
        assertThat(perDocument.getOrDefault(d.id(), 0L)).as("questions for %s", d.id()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void should_only_expect_documents_that_exist() throws Exception {
    var ids = desk.knowledge().byId().keySet();
    assertThat(EvalSet.load(Path.of("eval/retrieval")))
        .flatExtracting((Function<EvalQuestion, List<String>>) EvalQuestion::expected)
        .allSatisfy(id -> assertThat(ids).contains(id));
  }

  @Test
  void should_state_the_fact_asked_for_in_at_least_81_percent_of_chat_sized_answers_and_rarely_anything_wrong() throws Exception {
    List<AnswerQuestion> questions = AnswerEvaluation.load(Path.of("eval/answers"));

    AnswerEvaluation.Report report = AnswerEvaluation.run(questions, q -> desk.assistant().reply(q, List.of(), 3)
        .answer());

    assertThat(report.questions()).isGreaterThanOrEqualTo(200);
    assertThat(report.stated()).isGreaterThanOrEqualTo(0.81);
    assertThat(report.heldOutStated()).isGreaterThanOrEqualTo(0.74);
    assertThat(report.wrong()).isLessThanOrEqualTo(0.03);
    assertThat(report.overLength()).as("answers over 600 characters without a list asked for")
        .isLessThanOrEqualTo(report.questions() / 50);
  }

  @Test
  void should_expect_only_documents_that_exist_in_the_answer_set() throws Exception {
    var ids = desk.knowledge().byId().keySet();
    assertThat(AnswerEvaluation.load(Path.of("eval/answers"))).allSatisfy(q -> assertThat(ids).contains(q.document()));
  }

  @Test
  void should_route_at_least_nine_in_ten_cases_that_need_a_person_and_at_most_one_in_ten_needlessly()
      throws Exception {
    List<RoutingEvaluation.Labelled> messages = RoutingEvaluation.load(Path.of("eval/routing"));

    RoutingEvaluation.Report report = RoutingEvaluation.run(desk.assistant(), messages);

    assertThat(report.messages()).isGreaterThanOrEqualTo(40);
    assertThat(report.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.needless()).isLessThanOrEqualTo(0.1);
  }

  @Test
  void should_find_the_document_for_questions_in_each_smes_language_and_answer_in_that_language() throws Exception {
    MultilingualEvaluation.Report report = MultilingualEvaluation.run(
        MultilingualEvaluation.load(Path.of("eval/multilingual")),
        q -> desk.assistant().reply(q, List.of(), 3).answer(), desk.languages());

    assertThat(report.questions()).isGreaterThanOrEqualTo(200);
    assertThat(report.foundAll()).isGreaterThanOrEqualTo(0.85);
    assertThat(report.found()).hasSizeGreaterThanOrEqualTo(7).allSatisfy((language, found) ->
        assertThat(found).as("found in %s", language).isGreaterThanOrEqualTo(0.75));
    assertThat(report.inLanguage()).allSatisfy((language, answered) ->
        assertThat(answered).as("answered in %s", language).isGreaterThanOrEqualTo(0.8));
  }

  @Test
  void should_route_requests_for_a_person_in_every_language() throws Exception {
    RoutingEvaluation.Report report = RoutingEvaluation.run(desk.assistant(),
        RoutingEvaluation.load(Path.of("eval/multilingual/routing.jsonl")));

    assertThat(report.byLanguage()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(report.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.needless()).isLessThanOrEqualTo(0.1);
  }

  @Test
  void should_carry_the_subject_into_at_least_three_in_four_follow_ups() throws Exception {
    FollowUpEvaluation.Report report = FollowUpEvaluation.run(desk.assistant(),
        FollowUpEvaluation.load(Path.of("eval/followups")));

    assertThat(report.conversations()).isGreaterThanOrEqualTo(50);
    assertThat(report.found()).isGreaterThanOrEqualTo(0.75);
  }

  @Test
  void should_list_what_applies_to_sme_profiles_with_recall_080_precision_090_and_nothing_of_another_economy()
      throws Exception {
    List<ProfileEvaluation.Expected> profiles = ProfileEvaluation.load(Path.of("eval/profiles"));

    ProfileEvaluation.Report report = ProfileEvaluation.run(desk.knowledge(), profiles, LocalDate.now());

    assertThat(report.profiles()).isGreaterThanOrEqualTo(40);
    assertThat(report.recall()).isGreaterThanOrEqualTo(0.8);
    assertThat(report.precision()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.offTarget()).isZero();
  }

  @Test
  void should_expect_only_documents_that_exist_in_the_profile_set() throws Exception {
    var ids = desk.knowledge().byId().keySet();
    assertThat(ProfileEvaluation.load(Path.of("eval/profiles"))).allSatisfy(p -> {
      assertThat(ids).containsAll(p.expected());
      assertThat(ids).containsAll(p.mustNot());
    });
  }
}
