package org.greendesk.assistant;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sentence of a found document, scored against a question.
 *
 * @param passage the ordinal of its passage in the document
 * @param position its place in the passage
 * @param line the passage's line it is on: a paragraph, or an item of a list
 * @param meaning its closeness in meaning to the question, 0 to 1
 * @param words the share of the question's focus words it holds, rare ones counting more
 * @param carried the kinds of fact it carries
 * @param pronounSubject it opens with "It", "This", "They"...: quoted alone, it needs its document named
 */
record Scored(String documentId, int passage, int position, int line, String text, double score, double meaning,
    double words, Set<AnswerKind> carried, boolean pronounSubject) {

  /** A sentence that ends by announcing the steps that follow it, without a colon. */
  private static final Pattern ANNOUNCES_LIST = Pattern.compile(
      "\\b(?:in|takes?|follows?|has|have) (?:\\w+ )?(?:\\d+|two|three|four|five|six|seven|eight|nine|ten) "
      + "(?:main )?(?:steps|stages|phases)\\.$|\\bas follows\\.$", Pattern.CASE_INSENSITIVE);

  Scored {
    carried = Set.copyOf(carried);
  }

  /** It introduces a list: "Operators must:", "A first footprint takes five steps." */
  boolean introducesList() {
    return text.endsWith(":") || ANNOUNCES_LIST.matcher(text).find();
  }
}
