package org.greendesk.follow;

import java.util.Optional;

/** Where to reach an SME, as the owner of the SMEs and their conversations tells it. */
@FunctionalInterface
public interface Recipients {
  /** Where to send to an SME: its first conversation, in the language it is answered in. */
  record Recipient(long smeId, long conversationId, String channel, String chatId, String language) {}

  /** Where to reach the SME; empty when they blocked the bot, were forgotten or have no conversation. */
  Optional<Recipient> of(long smeId);
}
