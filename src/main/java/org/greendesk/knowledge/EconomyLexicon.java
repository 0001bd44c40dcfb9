package org.greendesk.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words that name each economy in a question ("Korean", "South Korea" for Korea), read from the knowledge
 * folder's {@code knowledge.yaml}, so that no place name is written in code. Immutable and thread safe.
 */
public final class EconomyLexicon {
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();
  private final Map<String, Set<String>> groups = new LinkedHashMap<>();
  private final Map<String, Set<String>> words = new LinkedHashMap<>();

  /** @param names each economy as written in documents' front matter, with the words that name it */
  public EconomyLexicon(Map<String, List<String>> names) {
    this(names, Map.of());
  }

  /**
   * @param names each economy as written in documents' front matter, with the words that name it
   * @param groups groups of economies (APEC, ASEM) with their members: what concerns a group concerns them
   */
  public EconomyLexicon(Map<String, List<String>> names, Map<String, List<String>> groups) {
    groups.forEach((group, members) -> this.groups.put(group, Set.copyOf(members)));
    names.forEach((economy, words) -> {
      Set<String> all = new LinkedHashSet<>();
      all.add(economy);
      all.addAll(words);
      this.words.put(economy, all.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
      String alternatives = String.join("|", all.stream().map(w -> Pattern.quote(w.toLowerCase(Locale.ROOT))).toList());
      patterns.put(economy, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    });
  }

  /** The economy names documents may use, groups included, in the order they are declared. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>(patterns.keySet());
    names.addAll(groups.keySet());
    return names;
  }

  /**
   * The economies a name stands for when it is the whole text, such as a profile's economy: "Korea" and "South Korea"
   * are Korea, "France" is the EU, "Germany" is Germany and the EU. Unlike {@link #find}, "Chinese Taipei" is not
   * also China. Empty when the name is not known.
   */
  public Set<String> exactly(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    Set<String> found = new LinkedHashSet<>();
    words.forEach((economy, names) -> {
      if (names.contains(wanted)) {
        found.add(economy);
      }
    });
    return found;
  }

  /** The economy and the groups it belongs to ("Korea", "APEC", "ASEM"...). */
  public Set<String> memberships(String economy) {
    Set<String> all = new LinkedHashSet<>();
    all.add(economy);
    // A group can be a member of another (Germany is in the EU, the EU in ASEM): repeat until nothing is added.
    for (int size = 0; size != all.size(); ) {
      size = all.size();
      groups.forEach((group, members) -> {
        if (members.stream().anyMatch(all::contains)) {
          all.add(group);
        }
      });
    }
    return all;
  }

  public static EconomyLexicon empty() {
    return new EconomyLexicon(Map.of());
  }

  /** The economies named in the text, in the order they are declared in the lexicon; empty when none. */
  public Set<String> find(String text) {
    Set<String> found = new LinkedHashSet<>();
    patterns.forEach((economy, pattern) -> {
      if (pattern.matcher(text).find()) {
        found.add(economy);
      }
    });
    return found;
  }

  /**
   * The text about another economy: the words naming economies replaced by its name, or the name added when the
   * text names none ("Do small firms pay the carbon tax in Singapore?" becomes "... in Korea?").
   */
  public String moveTo(String text, String economy) {
    String result = text;
    boolean replaced = false;
    for (Pattern pattern : patterns.values()) {
      java.util.regex.Matcher matcher = pattern.matcher(result);
      if (matcher.find()) {
        result = matcher.replaceAll(java.util.regex.Matcher.quoteReplacement(economy));
        replaced = true;
      }
    }
    return replaced ? result : result.strip().replaceAll("[?.!]+$", "") + " in " + economy;
  }

  /** The words that name the economies, for stripping them from a question once they are recognised. */
  public String strip(String text) {
    String result = text;
    for (Pattern pattern : patterns.values()) {
      result = pattern.matcher(result).replaceAll(" ");
    }
    return result;
  }
}
