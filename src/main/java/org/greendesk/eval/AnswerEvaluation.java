package org.greendesk.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;

/**
 * Scores answers, not only retrieval: on the questions of {@code eval/answers}, whether the answer text states the
 * fact asked for and nothing wrong for the asker, and, where no document holds the fact, whether the answer says
 * so and is not given as a clear answer.
 */
public final class AnswerEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** An answer's text before its sources stays within a chat message, unless a list or steps were asked for. */
  public static final int CHAT_CHARS = 600;

  private AnswerEvaluation() {}

  /** A question's outcome. */
  public record Outcome(AnswerQuestion question, Answer answer, boolean right, boolean wrong, boolean found) {}

  /**
   * The figures of a run.
   *
   * @param stated share of questions answered right: the fact stated and nothing wrong, or, for a fact no
   *     document holds, the lack said and no clear answer given
   * @param found share whose document is among the answer's sources
   * @param wrong share whose text holds something wrong for the asker
   * @param overLength answers longer than a chat message without a list being asked for
   * @param byKind share answered right, by kind of question
   */
  public record Report(int questions, double stated, double trainStated, int heldOut, double heldOutStated,
      double found, double wrong,
      int overLength, double meanLength, Map<String, Double> byKind, List<Outcome> misses) {}

  public static List<AnswerQuestion> load(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    List<AnswerQuestion> questions = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          questions.add(parse(lines.get(i), file.getFileName().toString(), i + 1));
        }
      }
    }
    return questions;
  }

  private static AnswerQuestion parse(String line, String file, int number) throws IOException {
    try {
      JsonNode node = JSON.readTree(line);
      return new AnswerQuestion(node.path("q").asText(), node.path("doc").asText(), node.path("kind").asText(),
          strings(node.path("must")), strings(node.path("must_not")), file, number);
    } catch (IOException e) {
      throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** @param ask the assistant, for a question alone */
  public static Report run(List<AnswerQuestion> questions, Function<String, Answer> ask) {
    List<Outcome> outcomes = new ArrayList<>();
    for (AnswerQuestion question : questions) {
      Answer answer = ask.apply(question.q());
      boolean found = answer.sources().stream().anyMatch(s -> s.id().equals(question.document()));
      boolean wrong = question.wrongIn(answer.text());
      boolean right = question.absent() ? !wrong && saysNotKnown(answer) : question.statedIn(answer.text());
      outcomes.add(new Outcome(question, answer, right, wrong, found));
    }
    List<Outcome> heldOut = outcomes.stream().filter(o -> o.question().heldOut()).toList();
    Map<String, Double> byKind = new TreeMap<>();
    outcomes.stream().map(o -> o.question().kind()).distinct().forEach(kind -> byKind.put(kind,
        share(outcomes.stream().filter(o -> o.question().kind().equals(kind)).toList(), Outcome::right)));
    List<Outcome> train = outcomes.stream().filter(o -> !o.question().heldOut()).toList();
    return new Report(outcomes.size(), share(outcomes, Outcome::right), share(train, Outcome::right), heldOut.size(),
        share(heldOut, Outcome::right),
        share(outcomes, Outcome::found), share(outcomes, Outcome::wrong),
        (int) outcomes.stream().filter(o -> !o.question().asksForList() && o.answer().text().length() > CHAT_CHARS)
            .count(),
        outcomes.stream().mapToInt(o -> o.answer().text().length()).average().orElse(0),
        byKind, outcomes.stream().filter(o -> !o.right()).toList());
  }

  /** The answer admits the fact is missing: it is not given as a clear answer (an advisor is offered or called). */
  private static boolean saysNotKnown(Answer answer) {
    return answer.handoff() != Handoff.NONE;
  }

  private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> test) {
    return outcomes.isEmpty() ? 0 : outcomes.stream().filter(test).count() / (double) outcomes.size();
  }
}
