package org.greendesk.language;

import java.lang.Character.UnicodeScript;
import java.util.Map;
import org.greendesk.assistant.Language;

/** The languages a script alone tells. */
final class Languages {
  private Languages() {}

  static Language of(String code) {
    return Language.of(code);
  }

  /** The language a script other than Latin is written in; Japanese when Han comes with kana. */
  static Language byScript(UnicodeScript script, Map<UnicodeScript, Integer> scripts) {
    return switch (script) {
      case HANGUL -> of("ko");
      case HIRAGANA, KATAKANA -> of("ja");
      case HAN -> scripts.containsKey(UnicodeScript.HIRAGANA) || scripts.containsKey(UnicodeScript.KATAKANA)
          ? of("ja") : of("zh");
      case THAI -> of("th");
      case KHMER -> of("km");
      case LAO -> of("lo");
      case MYANMAR -> of("my");
      case DEVANAGARI -> of("hi");
      case GREEK -> of("el");
      case HEBREW -> of("he");
      case ARABIC -> of("ar");
      case CYRILLIC -> of("ru");
      default -> Language.ENGLISH;
    };
  }
}
