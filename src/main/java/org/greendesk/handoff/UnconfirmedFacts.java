package org.greendesk.handoff;

import java.util.Optional;

/**
 * What could not be confirmed in a document the bot cited ({@code verification: unconfirmed} and its note), for
 * the advisor who takes a conversation over. Asked whenever a brief is written, so that it reads the knowledge
 * served then.
 */
@FunctionalInterface
public interface UnconfirmedFacts {
  /** For a desk that has no knowledge at hand: nothing is known to be unconfirmed. */
  UnconfirmedFacts NONE = documentId -> Optional.empty();

  /** The note saying what is unconfirmed in the document; empty when nothing is, or the document is unknown. */
  Optional<String> note(String documentId);
}
