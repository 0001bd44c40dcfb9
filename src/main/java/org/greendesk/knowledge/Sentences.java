package org.greendesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a passage's text into the sentences an answer may quote. The index embeds each sentence as this splits
 * it, and the answer looks them up the same way, so both must use this one rule.
 */
public final class Sentences {
  /**
   * A stop, then a capital, a digit, a quote or a bracket. Not a colon: within a line, what comes before one is a
   * label of what follows ("From 18 February 2027: QR codes on batteries"), and cut off from it, neither says the
   * fact. A line that ends with a colon still stands alone, introducing the list under it. Nor the stop of an
   * abbreviation before a number: "Law No. 7 of 2021".
   */
  private static final Pattern SENTENCE_END = Pattern.compile(
      "(?<=[.!?])(?<!\\b(?:No|Nos|Art|vs|approx|cf|para|pp|Vol|Sec)\\.)\\s+(?=[\\p{Lu}\\p{N}\"(])");
  private static final int MIN_SENTENCE_CHARS = 20;

  private Sentences() {}

  /** Lines, then sentences, each ending with a stop; fragments too short to stand alone are joined to the next. */
  public static List<String> of(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.lines().toList()) {
      StringBuilder pending = new StringBuilder();
      for (String part : SENTENCE_END.split(line.strip())) {
        pending.append(pending.length() > 0 ? " " : "").append(part);
        if (pending.length() >= MIN_SENTENCE_CHARS) {
          sentences.add(finish(pending.toString()));
          pending.setLength(0);
        }
      }
      if (pending.length() > 0) {
        sentences.add(finish(pending.toString()));
      }
    }
    return sentences;
  }

  private static String finish(String sentence) {
    String s = sentence.strip();
    return s.matches(".*[.!?:;)]$") ? s : s + ".";
  }
}
