package org.greendesk.assistant;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words or phrases matched as whole words, case-insensitively. Languages written without spaces (Chinese,
 * Japanese, Thai) have no word boundaries to match, and Korean attaches its particles to the word ("언제까지"):
 * a phrase of those scripts matches inside the text's runs of letters. Immutable.
 */
final class Phrases {
  private final Pattern pattern;
  private final boolean empty;

  Phrases(Collection<String> phrases) {
    this.empty = phrases.isEmpty();
    String alternatives = phrases.stream()
        .map(p -> p.toLowerCase(Locale.ROOT).strip())
        .filter(p -> !p.isEmpty())
        .sorted((a, b) -> b.length() - a.length())
        .map(Phrases::alternative)
        .collect(Collectors.joining("|"));
    this.pattern = Pattern.compile(alternatives);
  }

  private static String alternative(String phrase) {
    String before = unspaced(phrase.codePointAt(0)) ? "" : "(?<![\\p{L}\\p{N}])";
    int last = phrase.codePointBefore(phrase.length());
    String after = unspaced(last) || Character.UnicodeScript.of(last) == Character.UnicodeScript.HANGUL ? ""
        : "(?![\\p{L}\\p{N}])";
    return before + Pattern.quote(phrase) + after;
  }

  /** A letter of a script written without spaces between words. */
  private static boolean unspaced(int codePoint) {
    return switch (Character.UnicodeScript.of(codePoint)) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
      default -> false;
    };
  }

  /** Matches nothing. */
  static final Phrases NONE = new Phrases(java.util.List.of());

  boolean isEmpty() {
    return empty;
  }

  boolean foundIn(String text) {
    return !empty && pattern.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /** Where the first phrase starts in the text, or -1 when none is there. */
  int firstIndexIn(String text) {
    if (empty) {
      return -1;
    }
    Matcher matcher = pattern.matcher(text.toLowerCase(Locale.ROOT));
    return matcher.find() ? matcher.start() : -1;
  }

  /** The text with every phrase removed, lower case. */
  String removeFrom(String text) {
    return empty ? text.toLowerCase(Locale.ROOT) : pattern.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
