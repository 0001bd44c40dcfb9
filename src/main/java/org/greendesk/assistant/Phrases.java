package org.greendesk.assistant;

import java.util.Collection;
import java.util.Locale;
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

  /** The text with every phrase removed, lower case. */
  String removeFrom(String text) {
    return empty ? text.toLowerCase(Locale.ROOT) : pattern.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
