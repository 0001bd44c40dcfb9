package org.greendesk.assistant;

import java.util.Objects;

/**
 * A language a message is written in.
 *
 * @param code ISO 639-1
 * @param name its English name, as a prompt says it ("Korean")
 */
public record Language(String code, String name) {
  public static final Language ENGLISH = new Language("en", "English");

  public Language {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }

  public boolean isEnglish() {
    return equals(ENGLISH);
  }
}
