package org.greendesk.assistant;

import java.util.List;
import java.util.Objects;

/**
 * What a question asks for, read from its words.
 *
 * @param kinds the kinds of fact asked for, the one asked first first; {@link AnswerKind#GENERAL} alone when the
 *     question asks for nothing in particular
 * @param focus the question's words (as the index analyses them) that say which fact or part is meant, the
 *     question words and the subject's names left out: "first annual declaration", "leak checks"
 * @param history it asks about the past: original dates, what changed, before a postponement
 * @param list it asks for a list or for steps, so the answer may be longer than a chat message
 * @param comparison it compares two subjects ("REACH vs K-REACH")
 * @param factWords words one of which a sentence must hold to state the fact asked for, when the question names
 *     what the amount is ("the fine", "the fee": a threshold in tonnes is not a fine); none when it does not
 * @param years the years the question names ("the rate for 2028"), one of which a sentence must hold to state the
 *     fact asked for; empty when it names none
 */
public record AskedFor(List<AnswerKind> kinds, List<String> focus, boolean history, boolean list, boolean comparison,
    Phrases factWords, List<String> years) {

  public AskedFor {
    kinds = List.copyOf(kinds);
    years = List.copyOf(years);
    focus = List.copyOf(focus);

    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("at least one kind");
    }
  }

  /** The kind asked for first. */
  public AnswerKind primary() {
    return Objects.requireNonNull(kinds.get(0));
  }

  /** True when the sentence says what the asked amount is of and names the year asked about, if the question does. */
  boolean names(String sentence) {
    return (factWords.isEmpty() || factWords.foundIn(sentence))
        && (years.isEmpty() || years.stream().anyMatch(sentence::contains));
  }

  boolean wants(AnswerKind kind) {
    return kinds.contains(kind);
  }
}
