package org.greendesk.language;

import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.greendesk.assistant.Language;
import org.greendesk.assistant.LanguageDetector;

/**
 * Tells the language of a chat message: by its script when only one language among those served writes it
 * (Hangul, kana, Thai...), and for Latin script with Lingua's statistical models of the Latin-script languages
 * served, in their low-accuracy mode (its high-accuracy models took 220 MiB and 4 s to load for a few points on
 * messages of this length; see the README's figures). English unless another language is clearly more likely:
 * answering in a language the SME did not write is worse than answering in English. Malay and Indonesian, which
 * Lingua often confuses, are told apart by words only one of them uses. Thread safe.
 */
public final class MessageLanguages implements LanguageDetector {
  /** How much more likely than English another Latin-script language must be. */
  private static final double MARGIN_OVER_ENGLISH = 0.2;
  private static final int MIN_WORDS = 3;
  /**
   * Words Malay writes and Indonesian does not (or writes otherwise: "eksport" for "ekspor", "syarikat" for
   * "perusahaan"), chat forms included ("nak", "tak", "ke?"); the words both write ("boleh", "perlu") are in neither.
   */
  private static final Set<String> MALAY_WORDS = Set.of("syarikat", "kerana", "daripada", "adakah", "bila",
      "perniagaan", "sahaja", "cukai", "geran", "kilang", "kerajaan", "pekerja", "nak", "tak", "ni", "tu",
      "ialah", "iaitu", "berapakah", "bagaimanakah", "mahu", "eksport", "import", "bateri", "basikal", "pejabat",
      "wang", "kos", "sijil", "jualan", "skim", "perabot", "getah", "elektrik", "pembungkusan", "bezanya", "lesen",
      "kenderaan", "maklumat", "mohon", "permohonan", "pks", "itali", "tin");
  /** Words Indonesian writes and Malay does not, chat forms included ("gak", "aja", "yg"). */
  private static final Set<String> INDONESIAN_WORDS = Set.of("perusahaan", "bisa", "karena", "apakah", "kapan",
      "pajak", "hibah", "pabrik", "pemerintah", "energi", "karyawan", "gimana", "yaitu", "tidak", "kalau", "harus",
      "aja", "gak", "ga", "nggak", "enggak", "udah", "sih", "dong", "kok", "bener", "banget", "kalo", "pake",
      "bikin", "nulis", "emang", "kayak", "gitu", "ekspor", "impor", "baterai", "sepeda", "furnitur", "paspor",
      "kantor", "uang", "biaya", "izin", "sertifikat", "listrik", "kemasan", "karet", "klien", "kuesioner",
      "bedanya", "umkm", "dg", "dgn", "katanya", "olahan", "skema", "kaleng");
  /** Words only one of the two writes, that many, tell it whatever the models say. */
  private static final int TELLING_WORDS = 2;

  private final com.github.pemistahl.lingua.api.LanguageDetector latin;

  public MessageLanguages() {
    this.latin = LanguageDetectorBuilder.fromLanguages(com.github.pemistahl.lingua.api.Language.ENGLISH,
        com.github.pemistahl.lingua.api.Language.VIETNAMESE, com.github.pemistahl.lingua.api.Language.INDONESIAN,
        com.github.pemistahl.lingua.api.Language.MALAY, com.github.pemistahl.lingua.api.Language.TAGALOG,
        com.github.pemistahl.lingua.api.Language.SPANISH, com.github.pemistahl.lingua.api.Language.PORTUGUESE,
        com.github.pemistahl.lingua.api.Language.FRENCH, com.github.pemistahl.lingua.api.Language.GERMAN,
        com.github.pemistahl.lingua.api.Language.POLISH).withLowAccuracyMode().withPreloadedLanguageModels().build();
  }

  @Override
  public Optional<Language> recognise(String message) {
    // Vietnamese typed on some keyboards arrives decomposed: a letter, then its marks.
    String text = Normalizer.normalize(message, Normalizer.Form.NFC);
    Map<UnicodeScript, Integer> scripts = scripts(text);
    int latinLetters = scripts.getOrDefault(UnicodeScript.LATIN, 0);
    UnicodeScript main = scripts.entrySet().stream().filter(e -> e.getKey() != UnicodeScript.LATIN)
        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(UnicodeScript.LATIN);
    if (main != UnicodeScript.LATIN && scripts.get(main) >= latinLetters) {
      return Optional.of(Languages.byScript(main, scripts));
    }
    if (vietnameseLetters(text) >= 2) {
      return Optional.of(Language.of("vi")); // tone-marked letters only Vietnamese writes, even in "cảm ơn"
    }
    // A word or two ("CBAM", "K-ETS?") says nothing of a language: they are names.
    return latinLetters == 0 || text.strip().split("\\s+").length < MIN_WORDS ? Optional.empty()
        : Optional.of(byModels(text));
  }

  private Language byModels(String text) {
    Optional<String> byWords = malayOrIndonesian(text, TELLING_WORDS);
    SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidence =
        latin.computeLanguageConfidenceValues(text);
    if (confidence.isEmpty()) {
      return byWords.map(Languages::of).orElse(Language.ENGLISH);
    }
    com.github.pemistahl.lingua.api.Language best = confidence.firstKey();
    double english = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.ENGLISH, 0.0);
    String code = best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    boolean malayOrIndonesian = code.equals("id") || code.equals("ms");
    // English names and loanwords ("buyer", "startup") pull the models to English in a message the words tell.
    if (byWords.isPresent() && (malayOrIndonesian || best == com.github.pemistahl.lingua.api.Language.ENGLISH)) {
      return Languages.of(byWords.get());
    }
    if (best == com.github.pemistahl.lingua.api.Language.ENGLISH
        || confidence.get(best) - english < MARGIN_OVER_ENGLISH) {
      return Language.ENGLISH;
    }
    return Languages.of(malayOrIndonesian ? malayOrIndonesian(text, 1).orElse(code) : code);
  }

  /** Malay or Indonesian, when at least {@code least} words only one of them writes say so more than the other. */
  private static Optional<String> malayOrIndonesian(String text, int least) {
    long malay = 0;
    long indonesian = 0;
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      malay += MALAY_WORDS.contains(word) ? 1 : 0;
      indonesian += INDONESIAN_WORDS.contains(word) ? 1 : 0;
    }
    return malay >= least && malay > indonesian ? Optional.of("ms")
        : indonesian >= least && indonesian > malay ? Optional.of("id") : Optional.empty();
  }

  /** Letters with Vietnamese tone marks (Unicode's Latin Extended Additional, 1EA0 to 1EF9), and ă, â, đ, ơ, ư. */
  private static long vietnameseLetters(String text) {
    return text.toLowerCase(Locale.ROOT).codePoints()
        .filter(c -> c >= 0x1EA0 && c <= 0x1EF9 || "ăâđơư".indexOf(c) >= 0).count();
  }

  private static Map<UnicodeScript, Integer> scripts(String text) {
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    text.codePoints().filter(Character::isLetter).forEach(c -> counts.merge(UnicodeScript.of(c), 1, Integer::sum));
    return counts;
  }
}
