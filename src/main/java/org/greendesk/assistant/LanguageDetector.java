package org.greendesk.assistant;

/** Tells the language a message is written in. Implementations are thread safe. */
@FunctionalInterface
public interface LanguageDetector {

  /** The message's language; English when unsure, since a wrong guess answers in a language the SME may not read. */
  Language detect(String message);

  /** A detector that always says English, for tests and tools that do not care. */
  static LanguageDetector english() {
    return message -> Language.ENGLISH;
  }
}
