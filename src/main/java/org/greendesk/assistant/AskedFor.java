package org.greendesk.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

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
 *     fact asked for; empty when it names none. A value that moves, asked for as it is now ("the allowance price
 *     today"), is asked for this year.
 * @param quarter the quarter of the year the question names ("Q4 2026"), or this one for a value that moves asked
 *     for as it is now, 1 to 4; 0 for none. A sentence that names a quarter must name this one: a price for the
 *     first quarter is not today's in the fourth.
 * @param terms the terms a question asking what something is or means names: an acronym of three letters or more
 *     ("DNSH"), a hyphenated term ("cradle-to-gate"), a quoted one; empty for any other question
 * @param smallFirm words that tell a small firm, when the question asks whether a rule applies to the asker and
 *     the asker says it is one ("we are a 30-person factory"); none otherwise
 */
public record AskedFor(List<AnswerKind> kinds, List<String> focus, boolean history, boolean list, boolean comparison,
    Phrases factWords, List<String> years, int quarter, List<String> terms, Phrases smallFirm) {
  private static final Pattern QUARTER = Pattern.compile(
      "\\b(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)\\b", Pattern.CASE_INSENSITIVE);
  private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

  public AskedFor {
    kinds = List.copyOf(kinds);
    years = List.copyOf(years);
    focus = List.copyOf(focus);
    terms = List.copyOf(terms);

    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("at least one kind");
    }
  }

  /** The kind asked for first. */
  public AnswerKind primary() {
    return Objects.requireNonNull(kinds.get(0));
  }

  /**
   * True when the sentence says what the asked amount is of, names the year asked about, and names no other
   * quarter than the one asked about, as far as the question says.
   */
  boolean names(String sentence) {
    return (factWords.isEmpty() || factWords.foundIn(sentence))
        && (years.isEmpty() || years.stream().anyMatch(sentence::contains))
        && !otherQuarter(sentence);
  }

  /**
   * Tells the sentences that define a term the question asks about: spell it out ("DNSH (do no significant
   * harm)", "(DNSH)"), or say what it is or means. Compiled once: ask for it once per question, not per sentence.
   */
  Predicate<String> definitions() {
    if (terms.isEmpty()) {
      return sentence -> false;
    }
    String term = "(?:" + String.join("|", terms.stream().map(Pattern::quote).toList()) + ")";
    Pattern defining = Pattern.compile("(?:" + term + "\\s*\\(|\\(\\s*" + term + "\\s*\\)|" + term
        + "\\W{0,2}\\s+(?:is|are|means|stands for|refers to)\\b)", Pattern.CASE_INSENSITIVE);
    return sentence -> defining.matcher(sentence).find();
  }

  /** True when the text gives a value of another quarter than the one asked about. */
  boolean otherQuarter(String text) {
    return quarter != 0 && quarters(text).stream().anyMatch(q -> q != quarter);
  }

  /** The quarters of the year a text names: "Q1", "the fourth quarter". */
  static List<Integer> quarters(String text) {
    return QUARTER.matcher(text).results().map(AskedFor::quarter).toList();
  }

  private static int quarter(MatchResult named) {
    if (named.group(1) != null) {
      return Integer.parseInt(named.group(1));
    }
    String word = named.group(2).toLowerCase(Locale.ROOT);
    return Character.isDigit(word.charAt(0)) ? word.charAt(0) - '0' : ORDINALS.indexOf(word) + 1;
  }

  boolean wants(AnswerKind kind) {
    return kinds.contains(kind);
  }
}
