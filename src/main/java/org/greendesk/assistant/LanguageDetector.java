package org.greendesk.assistant;

import java.util.Optional;

/** Tells the language a message is written in. Implementations are thread safe. */
@FunctionalInterface
public interface LanguageDetector {

  /**
   * The message's language; empty when the message says too little to tell ("CBAM?", "ok"), so that the SME's
   * usual language can be assumed instead.
   */
  Optional<Language> recognise(String message);

  /** The message's language; English when unsure, since a wrong guess answers in a language the SME may not read. */
  default Language detect(String message) {
    return recognise(message).orElse(Language.ENGLISH);
  }

  /** A detector that always says English, for tests and tools that do not care. */
  static LanguageDetector english() {
    return message -> Optional.of(Language.ENGLISH);
  }
}
