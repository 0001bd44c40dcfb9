package org.greendesk.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A question of the answer set: what the answer text must say and must not.
 *
 * @param document the document that holds the fact
 * @param kind what is asked for: date, amount, threshold, applies, contact, steps, documents, definition, or
 *     absent (no document holds it: the answer must say so)
 * @param must tokens the answer must all contain; one may list alternatives separated by {@code " | "}
 * @param mustNot tokens that would be wrong for the asker (a superseded date, another economy's programme)
 */
public record AnswerQuestion(String q, String document, String kind, List<String> must, List<String> mustNot,
    String file, int line) {
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

  public AnswerQuestion {
    Objects.requireNonNull(q, "q");
    must = List.copyOf(must);
    mustNot = List.copyOf(mustNot);
  }

  /** Steps or documents are asked for, which may take more than a chat message. */
  public boolean asksForList() {
    return kind.equals("steps") || kind.equals("documents");
  }

  public boolean absent() {
    return kind.equals("absent");
  }

  /** True when the text holds every {@code must} token (one alternative of each) and no {@code mustNot} one. */
  public boolean statedIn(String text) {
    String t = normal(text);
    return must.stream().allMatch(token -> List.of(token.split(" \\| ")).stream().anyMatch(a -> t.contains(normal(a))))
        && !wrongIn(text);
  }

  /** True when the text holds a token that is wrong for the asker. */
  public boolean wrongIn(String text) {
    String t = normal(text);
    return mustNot.stream().anyMatch(token -> t.contains(normal(token)));
  }

  private static String normal(String text) {
    return SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /**
   * One question in five, chosen by a hash of its text, is held out: the composer was tuned on the other four,
   * and the held-out figures show whether that generalises.
   */
  public boolean heldOut() {
    return Math.floorMod(q.hashCode(), 5) == 0;
  }
}
