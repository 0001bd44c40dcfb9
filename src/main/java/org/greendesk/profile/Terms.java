package org.greendesk.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matching a company's words against a rule's keywords, simply enough to be explained: lower case, words split on
 * anything but letters and digits, plurals made singular ("batteries" is "battery", "screws" is "screw"); a keyword
 * matches when its words appear in that order in the sector or a product ("steel screws" matches "steel").
 */
final class Terms {
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern CODE = Pattern.compile("(?i)^\\s*(?:hs|cn)?\\s*[0-9][0-9.\\s]*$");

  private Terms() {}

  /** Where a keyword was found: in which of the company's phrases. */
  record Match(String keyword, String phrase) {}

  /** The words of a text, lower case and singular. */
  static List<String> words(String text) {
    return Arrays.stream(SPLIT.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty())
        .map(Terms::singular).toList();
  }

  static String singular(String word) {
    if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
      return word;
    }
    if (word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    for (String ending : List.of("sses", "xes", "ches", "shes", "zes")) {
      if (word.endsWith(ending)) {
        return word.substring(0, word.length() - 2);
      }
    }
    return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
  }

  /** The first keyword found in one of the phrases, in the keywords' order. */
  static Optional<Match> find(List<String> keywords, List<String> phrases) {
    for (String keyword : keywords) {
      List<String> wanted = words(keyword);
      for (String phrase : phrases) {
        if (!wanted.isEmpty() && Collections.indexOfSubList(words(phrase), wanted) >= 0) {
          return Optional.of(new Match(keyword, phrase));
        }
      }
    }
    return Optional.empty();
  }

  /** The HS or CN codes among the products ("HS 7318", "7318.15"), digits only. */
  static List<String> codes(List<String> products) {
    List<String> codes = new ArrayList<>();
    for (String product : products) {
      if (CODE.matcher(product).matches()) {
        codes.add(product.replaceAll("[^0-9]", ""));
      }
    }
    return codes;
  }

  /** The first of a rule's HS chapters or headings that one of the codes falls in. */
  static Optional<Match> findCode(List<String> chapters, List<String> codes) {
    for (String chapter : chapters) {
      for (String code : codes) {
        if (code.startsWith(chapter)) {
          return Optional.of(new Match("HS " + chapter, "HS " + code));
        }
      }
    }
    return Optional.empty();
  }
}
