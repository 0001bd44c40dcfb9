package org.greendesk.search;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** How a question's text is matched against local names and glossary words, language by language. Stateless. */
final class LocalText {
  private LocalText() {}

  /** Languages written in Latin letters, whose own words a question's Latin tokens are. */
  static boolean latinScript(String language) {
    return Set.of("vi", "id", "ms", "tl", "es", "pt", "fr", "de", "pl").contains(language);
  }

  /** Languages written with spaces between words, whose names match only as whole words. */
  static boolean spaced(String language) {
    return !Set.of("ja", "zh", "th", "km", "lo", "my").contains(language);
  }

  /** Lower case, composed, accents of Latin letters folded: Vietnamese is often typed without its tone marks. */
  static String normal(String text) {
    String composed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    StringBuilder folded = new StringBuilder(composed.length());
    composed.codePoints().forEach(c -> {
      if (Character.UnicodeScript.of(c) == UnicodeScript.LATIN && c > 127) {
        String plain = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "").replace('đ', 'd');
        folded.append(plain.length() == 1 ? plain : new String(Character.toChars(c)));
      } else {
        folded.appendCodePoint(c);
      }
    });
    return folded.toString();
  }

  /**
   * Where the key is in the text from {@code from} on, at the start of a word when the language spaces its words,
   * and ending one when its words take no particles.
   */
  static int find(String text, String key, int from, boolean startsWord, boolean endsWord) {
    for (int at = text.indexOf(key, from); at >= 0; at = text.indexOf(key, at + 1)) {
      if ((!startsWord || boundary(text, at - 1)) && (!endsWord || boundary(text, at + key.length()))) {
        return at;
      }
    }
    return -1;
  }

  private static boolean boundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }
}
