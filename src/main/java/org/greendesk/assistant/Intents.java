package org.greendesk.assistant;

import java.util.Optional;

/**
 * Tells what a message wants besides an answer: a person, small talk, or nothing this help desk does. Implementations
 * are thread safe.
 */
@FunctionalInterface
public interface Intents {
  String ADVISOR_REQUEST = "advisor_request";
  String LEGAL_OR_URGENT = "legal_or_urgent";
  String OWN_CASE = "own_case";
  String FRUSTRATION = "frustration";
  String GREETING = "greeting";
  String THANKS = "thanks";
  String OUT_OF_SCOPE = "out_of_scope";

  /**
   * What a message wants.
   *
   * @param label one of this interface's constants
   * @param sure likely enough to act on; when not, a person is only offered for the matters that need one
   */
  record Guess(String label, boolean sure) {}

  /**
   * What the message wants; empty when it is a question like any other, or when that is not clear.
   *
   * @param language the message's language, ISO 639-1
   */
  Optional<Guess> classify(String message, String language);

  /** Nothing recognised: every message is a question. */
  static Intents none() {
    return (message, language) -> Optional.empty();
  }
}
