package org.greendesk.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Intent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.greendesk.search.SearchResult;

/**
 * Scores retrieval on the project's own questions (a right document in the first 1, 3, 5; mean reciprocal rank)
 * and the assistant's confidence on them and on questions it should not answer.
 */
public final class RetrievalEvaluation {
  private final Function<SearchQuery, SearchResult> search;
  private final Function<String, Answer> ask;
  private final KnowledgeBase base;

  /**
   * @param search the retriever
   * @param ask the assistant, for a question alone (no conversation)
   */
  public RetrievalEvaluation(Function<SearchQuery, SearchResult> search, Function<String, Answer> ask, KnowledgeBase base) {
    this.search = search;
    this.ask = ask;
    this.base = base;
  }

  /** A question's outcome: its rank of the first right document (0 when none in the first 5) and its answer. */
  public record Outcome(EvalQuestion question, int rank, List<String> ranked, Answer answer) {}

  /** The figures of a run. Recall@k here is the share of questions with a right document in the first k. */
  public record Report(
      int questions, double recallAt1, double recallAt3, double recallAt5, double mrr, int heldOut,
      double heldOutRecallAt3, double heldOutMrr, int offTopic, double offTopicDeclined,
      double meanConfidenceRight, double meanConfidenceWrong, double meanConfidenceOffTopic,
      double answeredWhenRight, List<String> documentsWithoutQuestions, List<Outcome> misses) {}

  /** @throws IllegalArgumentException when a question expects a document the base does not have */
  public Report run(List<EvalQuestion> questions, SearchMode mode) {
    Set<String> ids = base.byId().keySet();
    for (EvalQuestion question : questions) {
      for (String id : question.expected()) {
        if (!ids.contains(id)) {
          throw new IllegalArgumentException(question.file() + ":" + question.line() + ": unknown document id " + id);
        }
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (EvalQuestion question : questions) {
      List<String> ranked = search.apply(new SearchQuery(question.q(), 5, mode, Set.of())).hits().stream()
          .map(DocumentHit::document).map(d -> d.id()).toList();
      int rank = 0;
      for (int i = 0; i < ranked.size() && rank == 0; i++) {
        if (question.expected().contains(ranked.get(i))) {
          rank = i + 1;
        }
      }
      outcomes.add(new Outcome(question, rank, ranked, ask.apply(question.q())));
    }
    return report(outcomes, ids);
  }

  private static Report report(List<Outcome> outcomes, Set<String> ids) {
    List<Outcome> answerable = outcomes.stream().filter(o -> o.question().answerable()).toList();
    List<Outcome> heldOut = answerable.stream().filter(o -> isHeldOut(o.question())).toList();
    List<Outcome> offTopic = outcomes.stream().filter(o -> !o.question().answerable()).toList();
    List<Outcome> right = answerable.stream().filter(o -> o.rank() == 1).toList();
    List<Outcome> wrong = answerable.stream().filter(o -> o.rank() != 1).toList();
    Set<String> asked = answerable.stream().flatMap(o -> o.question().expected().stream()).collect(Collectors.toSet());
    Set<String> unasked = new LinkedHashSet<>(ids);
    unasked.removeAll(asked);
    return new Report(answerable.size(), recall(answerable, 1), recall(answerable, 3), recall(answerable, 5),
        mrr(answerable), heldOut.size(), recall(heldOut, 3), mrr(heldOut), offTopic.size(),
        share(offTopic, o -> o.answer().intent() == Intent.OUT_OF_SCOPE || o.answer().intent() == Intent.SMALLTALK),
        meanConfidence(right), meanConfidence(wrong), meanConfidence(offTopic),
        share(right, o -> o.answer().sources().size() > 0 && o.answer().handoff().wire().equals("none")),
        List.copyOf(unasked), answerable.stream().filter(o -> o.rank() == 0 || o.rank() > 3).toList());
  }

  /**
   * One question in five, chosen by a hash of its text, is held out: the retrieval settings were tuned on the
   * other four, and the held-out figures show whether they generalise.
   */
  public static boolean isHeldOut(EvalQuestion question) {
    return Math.floorMod(question.q().hashCode(), 5) == 0;
  }

  private static double recall(List<Outcome> outcomes, int k) {
    return share(outcomes, o -> o.rank() >= 1 && o.rank() <= k);
  }

  private static double mrr(List<Outcome> outcomes) {
    return outcomes.isEmpty() ? 0 : outcomes.stream().mapToDouble(o -> o.rank() == 0 ? 0 : 1.0 / o.rank()).average().orElse(0);
  }

  private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> test) {
    return outcomes.isEmpty() ? 0 : outcomes.stream().filter(test).count() / (double) outcomes.size();
  }

  private static double meanConfidence(List<Outcome> outcomes) {
    return outcomes.stream().mapToDouble(o -> o.answer().confidence()).average().orElse(0);
  }
}
