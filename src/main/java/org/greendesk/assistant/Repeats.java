package org.greendesk.assistant;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a sentence that says again what an answer already says: a curated answer and the document's sentence it
 * sums up are often both close to a question, and quoting both reads as a stutter. Stateless and thread safe.
 */
final class Repeats {
  /** A sentence adds something when more than half of its words are new. */
  private static final double NEW_WORDS = 0.5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}|\\p{N}+");

  private Repeats() {}

  /**
   * True when most of the sentence's words are in the sentences already said and it states no date, amount or
   * quantity they do not: a sentence that adds the date for large companies to the one for small ones adds a fact,
   * however alike its words.
   */
  static boolean saidIn(String sentence, List<String> said) {
    if (said.isEmpty()) {
      return false;
    }
    Set<String> before = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    said.forEach(s -> {
      before.addAll(words(s));
      numbers.addAll(FactSignals.numbers(s));
    });
    if (!numbers.containsAll(FactSignals.factNumbers(sentence))) {
      return false;
    }
    Set<String> own = words(sentence);
    long fresh = own.stream().filter(w -> !before.contains(w)).count();
    return !own.isEmpty() && fresh <= NEW_WORDS * own.size();
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    WORD.matcher(text.toLowerCase(Locale.ROOT)).results().forEach(m -> words.add(m.group()));
    return words;
  }
}
