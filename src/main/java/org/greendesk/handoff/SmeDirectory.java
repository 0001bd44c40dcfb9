package org.greendesk.handoff;

import java.util.Optional;

/** Who the SME of a conversation is and where they are reached, as the handoff needs it to tell them things. */
@FunctionalInterface
public interface SmeDirectory {
  /**
   * @param name their display name, {@code SME} when unknown
   * @param language the language they are answered in, English until known
   */
  record Sme(long conversationId, String channel, String chatId, String name, String language) {}

  /** The conversation's SME; empty when there is no such conversation. */
  Optional<Sme> sme(long conversationId);
}
