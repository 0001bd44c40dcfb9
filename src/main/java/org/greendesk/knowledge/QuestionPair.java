package org.greendesk.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A curated answer of a document's "Questions" section.
 *
 * @param questions the ways of asking it, at least one
 * @param answer stands alone: names its subject and states the fact, at most {@value #MAX_ANSWER_CHARS} characters
 */
public record QuestionPair(List<String> questions, String answer) {
  public static final int MAX_ANSWER_CHARS = 300;
  static final String QUESTION = "Q:";
  static final String ANSWER = "A:";

  public QuestionPair {
    questions = List.copyOf(questions);
    Objects.requireNonNull(answer, "answer");
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("a pair has at least one question");
    }
  }

  /** As a passage's text: the question lines, then the answer line. */
  public String text() {
    StringBuilder text = new StringBuilder();
    questions.forEach(q -> text.append(QUESTION).append(' ').append(q).append('\n'));
    return text.append(ANSWER).append(' ').append(answer).toString();
  }

  /** The pair a passage's text holds, as {@link #text} wrote it. */
  public static QuestionPair parse(String text) {
    List<String> lines = text.lines().toList();
    List<String> questions = lines.stream().filter(l -> l.startsWith(QUESTION))
        .map(l -> l.substring(QUESTION.length()).strip()).toList();
    String answer = lines.stream().filter(l -> l.startsWith(ANSWER)).map(l -> l.substring(ANSWER.length()).strip())
        .findFirst().orElseThrow(() -> new IllegalArgumentException("no answer line in a question pair"));
    return new QuestionPair(questions, answer);
  }
}
