package org.greendesk.assistant;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A list of words or phrases matched as whole words, case-insensitively. Immutable. */
final class Phrases {
  private final Pattern pattern;
  private final boolean empty;

  Phrases(Collection<String> phrases) {
    this.empty = phrases.isEmpty();
    String alternatives = phrases.stream()
        .map(p -> Pattern.quote(p.toLowerCase(Locale.ROOT).strip()))
        .sorted((a, b) -> b.length() - a.length())
        .collect(Collectors.joining("|"));
    this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
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
