package org.greendesk.assistant;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a message offline, honestly and cheaply: by its script when it is not Latin (Hangul,
 * kana, Han, Thai, Cyrillic, Arabic...), and for Latin script by letters only one language uses (Vietnamese and
 * Polish diacritics) or by counting common short words of a few languages. English unless another language has at
 * least two of its words and more than English has; a message of one or two words therefore counts as English.
 * Languages it does not know come out as English. Stateless and thread safe.
 */
public final class LanguageDetector {
  private static final int MIN_WORDS = 2;

  /** Common function words, chosen to be rare in the other languages listed; on a tie the first listed wins. */
  private static final List<Vocabulary> VOCABULARIES = List.of(
      new Vocabulary(Language.ENGLISH, Set.of("the", "is", "are", "what", "how", "does", "do", "for", "and", "of",
          "to", "my", "our", "we", "can", "which", "when", "who", "with", "about", "this", "that", "it", "i",
          "should", "must", "need", "there", "any", "apply", "company", "you", "have", "has")),
      new Vocabulary(new Language("id", "Indonesian"), Set.of("apa", "apakah", "yang", "dan", "untuk", "dengan",
          "ini", "itu", "bagaimana", "tidak", "ada", "saya", "kami", "perusahaan", "bisa", "karena", "saja", "dari",
          "di", "ke", "berapa", "kapan", "bantuan", "pajak", "hijau", "usaha", "kecil")),
      new Vocabulary(new Language("ms", "Malay"), Set.of("apa", "adakah", "yang", "dan", "untuk", "dengan", "ini",
          "itu", "bagaimana", "bagaimanakah", "tidak", "ada", "saya", "kami", "syarikat", "boleh", "kerana", "sahaja",
          "daripada", "di", "ke", "berapa", "bila", "hijau", "perniagaan", "kecil")),
      new Vocabulary(new Language("tl", "Filipino"), Set.of("ang", "ng", "mga", "sa", "ba", "po", "ano", "paano",
          "kami", "namin", "ito", "para", "kumpanya", "negosyo", "may", "hindi", "na", "ko")),
      new Vocabulary(new Language("es", "Spanish"), Set.of("el", "la", "los", "las", "de", "del", "que", "qué",
          "para", "cómo", "como", "es", "una", "un", "con", "por", "empresa", "nuestra", "nuestro", "mi", "cuál",
          "cuándo", "hay", "se", "y", "en", "puede", "pymes")),
      new Vocabulary(new Language("pt", "Portuguese"), Set.of("o", "os", "as", "de", "do", "da", "que", "para",
          "como", "é", "uma", "um", "com", "por", "empresa", "nossa", "nosso", "minha", "qual", "quando", "há", "não",
          "e", "em", "pode", "são")),
      new Vocabulary(new Language("fr", "French"), Set.of("le", "la", "les", "des", "du", "de", "est", "pour", "que",
          "quelle", "quel", "quels", "comment", "une", "un", "avec", "entreprise", "nous", "notre", "nos", "ma",
          "mon", "et", "en", "sont", "je", "dois", "doit", "qu'est-ce", "aux", "au")),
      new Vocabulary(new Language("de", "German"), Set.of("der", "die", "das", "und", "ist", "für", "wie", "was",
          "nicht", "ein", "eine", "einen", "unternehmen", "wir", "unser", "unsere", "mein", "meine", "gilt", "muss",
          "müssen", "welche", "wann", "gibt", "es", "ich", "auf", "mit", "von")));

  private record Vocabulary(Language language, Set<String> words) {}

  private static final Language VIETNAMESE = new Language("vi", "Vietnamese");
  private static final Language POLISH = new Language("pl", "Polish");
  private static final String VIETNAMESE_LETTERS = "ăâđêôơư";
  private static final String POLISH_LETTERS = "ąćęłńśźż";

  /** The message's language; English when unsure. */
  public Language detect(String message) {
    // Vietnamese typed on some keyboards arrives decomposed: a letter, then its marks.
    String text = Normalizer.normalize(message, Normalizer.Form.NFC);
    Map<UnicodeScript, Integer> scripts = scripts(text);
    int latin = scripts.getOrDefault(UnicodeScript.LATIN, 0);
    UnicodeScript main = scripts.entrySet().stream().filter(e -> e.getKey() != UnicodeScript.LATIN)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(UnicodeScript.LATIN);
    if (main != UnicodeScript.LATIN && scripts.get(main) >= latin) {
      return byScript(main, scripts, text);
    }
    return byWords(text.toLowerCase(Locale.ROOT));
  }

  private static Map<UnicodeScript, Integer> scripts(String text) {
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    text.codePoints().filter(Character::isLetter)
        .forEach(c -> counts.merge(UnicodeScript.of(c), 1, Integer::sum));
    return counts;
  }

  private static Language byScript(UnicodeScript script, Map<UnicodeScript, Integer> scripts, String text) {
    return switch (script) {
      case HANGUL -> new Language("ko", "Korean");
      case HIRAGANA, KATAKANA -> new Language("ja", "Japanese");
      // Japanese mixes kanji with kana; Chinese has no kana.
      case HAN -> scripts.containsKey(UnicodeScript.HIRAGANA) || scripts.containsKey(UnicodeScript.KATAKANA)
          ? new Language("ja", "Japanese") : new Language("zh", "Chinese");
      case THAI -> new Language("th", "Thai");
      case KHMER -> new Language("km", "Khmer");
      case LAO -> new Language("lo", "Lao");
      case MYANMAR -> new Language("my", "Burmese");
      case DEVANAGARI -> new Language("hi", "Hindi");
      case GREEK -> new Language("el", "Greek");
      case HEBREW -> new Language("he", "Hebrew");
      case ARABIC -> text.matches("(?s).*[پچژگ].*") ? new Language("fa", "Persian") : new Language("ar", "Arabic");
      case CYRILLIC -> cyrillic(text.toLowerCase(Locale.ROOT));
      default -> Language.ENGLISH;
    };
  }

  private static Language cyrillic(String text) {
    if (text.matches("(?s).*[єїіґ].*")) {
      return new Language("uk", "Ukrainian");
    }
    return text.matches("(?s).*[өү].*") ? new Language("mn", "Mongolian") : new Language("ru", "Russian");
  }

  private static Language byWords(String text) {
    if (count(text, VIETNAMESE_LETTERS) + vietnameseTones(text) >= 2) {
      return VIETNAMESE;
    }
    if (count(text, POLISH_LETTERS) >= 1) {
      return POLISH;
    }
    List<String> words = List.of(text.split("[^\\p{L}'-]+"));
    Language best = Language.ENGLISH;
    int bestScore = 0;
    int english = 0;
    for (Vocabulary vocabulary : VOCABULARIES) {
      int score = (int) words.stream().filter(vocabulary.words()::contains).count();
      if (vocabulary.language().isEnglish()) {
        english = score;
      } else if (score > bestScore) {
        best = vocabulary.language();
        bestScore = score;
      }
    }
    return bestScore >= MIN_WORDS && bestScore > english ? best : Language.ENGLISH;
  }

  private static int count(String text, String letters) {
    return (int) text.codePoints().filter(c -> letters.indexOf(c) >= 0).count();
  }

  /** Letters with Vietnamese tone marks live in Unicode's Latin Extended Additional block, 1EA0 to 1EF9. */
  private static int vietnameseTones(String text) {
    return (int) text.codePoints().filter(c -> c >= 0x1EA0 && c <= 0x1EF9).count();
  }
}
