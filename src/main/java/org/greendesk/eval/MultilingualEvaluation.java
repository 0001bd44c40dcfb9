package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.LanguageDetector;
import org.greendesk.assistant.Source;

/**
 * Scores questions written in the SMEs' languages ({@code eval/multilingual/retrieval-*.jsonl}, lines
 * {@code {"q", "lang", "expected": [ids]}}) as a user meets them: whether a right document is among the first
 * three sources of the answer, and whether the answer is written in the question's language (its words, the
 * English sentence it quotes left out).
 */
public final class MultilingualEvaluation {
  /** A quoted English sentence is part of a local answer; the language of the rest is what counts. */
  private static final String QUOTED = "\"[^\"]*\"";

  private MultilingualEvaluation() {}

  public record Question(String q, String language, List<String> expected, String file, int line) {}

  public record Outcome(Question question, Answer answer, boolean found, boolean inLanguage) {}

  /**
   * @param found share with a right document among the first three sources, by language
   * @param inLanguage share answered in the question's language, by language
   */
  public record Report(int questions, double foundAll, Map<String, Double> found, Map<String, Double> inLanguage,
      Map<String, Integer> counts, List<Outcome> misses) {}

  public static List<Question> load(Path folder) throws IOException {
    return JsonLines.read(folder, f -> f.getFileName().toString().startsWith("retrieval-"),
        (node, file, line) -> new Question(node.path("q").asText(), node.path("lang").asText(),
            JsonLines.strings(node.path("expected")), file, line));
  }

  /**
   * @param ask the assistant, for a question alone, answering with three sources
   * @param detector tells the language of an answer's text
   */
  public static Report run(List<Question> questions, Function<String, Answer> ask, LanguageDetector detector) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Question question : questions) {
      Answer answer = ask.apply(question.q());
      boolean found = answer.sources().stream().limit(3).map(Source::id).anyMatch(question.expected()::contains);
      String own = answer.text().replaceAll(QUOTED, " ");
      boolean inLanguage = detector.detect(own).code().equals(question.language());
      outcomes.add(new Outcome(question, answer, found, inLanguage));
    }
    Map<String, Double> found = new TreeMap<>();
    Map<String, Double> inLanguage = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    outcomes.stream().map(o -> o.question().language()).distinct().forEach(language -> {
      List<Outcome> own = outcomes.stream().filter(o -> o.question().language().equals(language)).toList();
      counts.put(language, own.size());
      found.put(language, share(own, Outcome::found));
      inLanguage.put(language, share(own, Outcome::inLanguage));
    });
    return new Report(outcomes.size(), share(outcomes, Outcome::found), found, inLanguage, counts,
        outcomes.stream().filter(o -> !o.found()).toList());
  }

  private static double share(List<Outcome> outcomes, java.util.function.Predicate<Outcome> test) {
    return outcomes.isEmpty() ? 0 : outcomes.stream().filter(test).count() / (double) outcomes.size();
  }
}
