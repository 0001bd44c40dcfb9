package org.greendesk.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A language a message is written in.
 *
 * @param code ISO 639-1
 * @param name its English name, as a prompt says it ("Korean")
 */
public record Language(String code, String name) {
  public static final Language ENGLISH = new Language("en", "English");
  private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("en", "English"),
      Map.entry("ko", "Korean"), Map.entry("ja", "Japanese"), Map.entry("zh", "Chinese"), Map.entry("th", "Thai"),
      Map.entry("vi", "Vietnamese"), Map.entry("id", "Indonesian"), Map.entry("ms", "Malay"),
      Map.entry("tl", "Filipino"), Map.entry("es", "Spanish"), Map.entry("pt", "Portuguese"),
      Map.entry("fr", "French"), Map.entry("de", "German"), Map.entry("pl", "Polish"), Map.entry("ru", "Russian"),
      Map.entry("uk", "Ukrainian"), Map.entry("mn", "Mongolian"), Map.entry("ar", "Arabic"),
      Map.entry("fa", "Persian"), Map.entry("km", "Khmer"), Map.entry("lo", "Lao"), Map.entry("my", "Burmese"),
      Map.entry("hi", "Hindi"), Map.entry("el", "Greek"), Map.entry("he", "Hebrew"));

  public Language {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  /** The language with this ISO 639-1 code, named in English when GreenDesk knows its name. */
  public static Language of(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT);
    return new Language(c, NAMES.getOrDefault(c, c));
  }

  /** True for an ISO 639-1 code GreenDesk knows by name. */
  public static boolean known(String code) {
    return NAMES.containsKey(code.strip().toLowerCase(Locale.ROOT));
  }

  public boolean isEnglish() {
    return equals(ENGLISH);
  }
}
