package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The citation markers of a model-written answer: {@code [1]}, {@code [1, 3]} or {@code [2][3]}, each number a
 * passage the model was given. Stateless.
 */
final class Citations {
  private static final Pattern MARKER =
      Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");
  private static final Pattern REPEATED = Pattern.compile("(\\[[\\d, ]+])(?:\\s*\\1)+");

  private Citations() {}

  /** The passage numbers cited, in order of first citation, each once; empty when there is no marker. */
  static List<Integer> cited(String text) {
    Set<Integer> numbers = new LinkedHashSet<>();
    Matcher matcher = MARKER.matcher(text);
    while (matcher.find()) {
      numbers.addAll(numbers(matcher.group(1)));
    }
    return List.copyOf(numbers);
  }

  /**
   * The text with every passage number replaced by the number the reader sees in the list of sources.
   *
   * @param renumber passage number to source number; it has every number the text cites
   */
  static String renumbered(String text, Map<Integer, Integer> renumber) {
    String renumbered = MARKER.matcher(text).replaceAll(m -> {
      String sources = numbers(m.group(1)).stream().map(renumber::get).distinct().sorted()
          .map(String::valueOf).collect(Collectors.joining(", "));
      return Matcher.quoteReplacement("[" + sources + "]");
    });
    // Two passages of one document cited side by side become one source cited twice: say it once.
    return REPEATED.matcher(renumbered).replaceAll("$1");
  }

  private static List<Integer> numbers(String group) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : group.split("[,;]")) {
      numbers.add(Integer.parseInt(part.strip()));
    }
    return numbers;
  }
}
