package org.greendesk.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** A message too long for a channel, in parts each channel can send; shared so every channel cuts alike. */
public final class MessageParts {
  private MessageParts() {}

  /**
   * Parts of at most {@code max} characters, cut between paragraphs, else lines, else words (where {@code mayCut}
   * allows: not inside markup, say), else anywhere but inside a surrogate pair.
   *
   * @param mayCut whether the text may be cut at a separator found at this index
   */
  public static List<String> split(String text, int max, BiPredicate<String, Integer> mayCut) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = lastBreak(rest, max, mayCut);
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int lastBreak(String text, int max, BiPredicate<String, Integer> mayCut) {
    for (String separator : List.of("\n\n", "\n", " ")) {
      int at = text.lastIndexOf(separator, max - 1);
      if (at > max / 4 && mayCut.test(text, at)) {
        return at;
      }
    }
    return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
  }
}
