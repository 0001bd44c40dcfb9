package org.greendesk.assistant;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt file with {@code {{variable}}} placeholders. Checked when it is made, so that a centre's edit that
 * drops or misspells a variable stops the start with the file's name instead of quietly degrading every answer.
 * Immutable.
 *
 * @param name the file name, for messages
 */
public record PromptTemplate(String name, String text) {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

  public PromptTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  /**
   * The template, checked against the variables its task supplies.
   *
   * @throws IllegalArgumentException naming the file and the variable that is missing or unknown
   */
  public static PromptTemplate of(String name, String text, Set<String> required, Set<String> optional) {
    Set<String> used = variables(text);
    for (String variable : required) {
      if (!used.contains(variable)) {
        throw new IllegalArgumentException(name + " must contain {{" + variable + "}}");
      }
    }
    for (String variable : used) {
      if (!required.contains(variable) && !optional.contains(variable)) {
        throw new IllegalArgumentException(name + " uses {{" + variable + "}}, which is not supplied; it may use "
            + String.join(", ", union(required, optional)));
      }
    }
    return new PromptTemplate(name, text.strip());
  }

  /** The text with each placeholder replaced once; values are inserted as they are, never expanded again. */
  public String render(Map<String, String> values) {
    Matcher matcher = VARIABLE.matcher(text);
    return matcher.replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
  }

  private static Set<String> variables(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
