package org.greendesk.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a document's "Questions" section: pairs of one or more {@code Q:} lines and one {@code A:} line, blank
 * lines between pairs allowed, nothing else. Reports every malformed line with its file line.
 */
final class QuestionsSection {
  private static final Pattern HEADING = Pattern.compile("^##\\s+questions\\s*$", Pattern.CASE_INSENSITIVE);

  private QuestionsSection() {}

  static boolean isHeading(String line) {
    return HEADING.matcher(line.strip()).matches();
  }

  /**
   * The pairs of the section, in order.
   *
   * @param lines the whole file's lines
   * @param from the index of the first body line in {@code lines}
   */
  static List<Numbered> read(Path file, List<String> lines, int from, List<KnowledgeProblem> problems) {
    List<Numbered> pairs = new ArrayList<>();
    boolean inside = false;
    List<String> questions = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int number = i + 1;
      if (lines.get(i).startsWith("## ")) {
        unanswered(file, inside, questions, lineNumbers, problems);
        inside = isHeading(lines.get(i));
        questions.clear();
        lineNumbers.clear();
        continue;
      }
      if (!inside || line.isEmpty()) {
        continue;
      }
      if (line.startsWith(QuestionPair.QUESTION)) {
        String question = line.substring(QuestionPair.QUESTION.length()).strip();
        if (question.isEmpty()) {
          problems.add(new KnowledgeProblem(file, number, "empty question"));
        } else {
          lineNumbers.add(number);
          questions.add(question);
        }
      } else if (line.startsWith(QuestionPair.ANSWER)) {
        String answer = line.substring(QuestionPair.ANSWER.length()).strip();
        answer(file, number, questions, answer, problems)
            .ifPresent(pair -> pairs.add(new Numbered(pair, List.copyOf(lineNumbers))));
        questions.clear();
        lineNumbers.clear();
      } else {
        problems.add(new KnowledgeProblem(file, number, "only 'Q:' and 'A:' lines belong in the Questions section"));
      }
    }
    unanswered(file, inside, questions, lineNumbers, problems);
    return pairs;
  }

  private static void unanswered(Path file, boolean inside, List<String> questions, List<Integer> lines,
      List<KnowledgeProblem> problems) {
    if (inside && !questions.isEmpty()) {
      problems.add(new KnowledgeProblem(file, lines.get(0), "question without an answer: " + questions.get(0)));
    }
  }

  /** A pair and the file lines of its questions, for reporting a question asked twice. */
  record Numbered(QuestionPair pair, List<Integer> questionLines) {}

  private static Optional<QuestionPair> answer(Path file, int number, List<String> questions, String answer,
      List<KnowledgeProblem> problems) {
    if (questions.isEmpty()) {
      problems.add(new KnowledgeProblem(file, number, "answer without a question"));
      return Optional.empty();
    }
    if (answer.isEmpty()) {
      problems.add(new KnowledgeProblem(file, number, "empty answer"));
      return Optional.empty();
    }
    if (answer.length() > QuestionPair.MAX_ANSWER_CHARS) {
      problems.add(new KnowledgeProblem(file, number, "answer of " + answer.length() + " characters (at most "
          + QuestionPair.MAX_ANSWER_CHARS + ")"));
      return Optional.empty();
    }
    return Optional.of(new QuestionPair(questions, answer));
  }

  /** The form under which two questions count as the same: lower case, letters and digits only. */
  static String key(String question) {
    return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
