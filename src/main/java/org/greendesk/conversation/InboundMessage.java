package org.greendesk.conversation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message from an SME, as a channel adapter hands it to the core.
 *
 * @param chatId the conversation's address in the channel (a Telegram chat id, a web session)
 * @param displayName how to call the SME, or {@code null}
 * @param channelMessageId the channel's id for the message, which a redelivery repeats; {@code null} if it has none
 * @param languageHint the language the channel says the user's app is in (ISO 639-1), or {@code null}
 */
public record InboundMessage(String channel, String chatId, @Nullable String displayName, String text,
    @Nullable String channelMessageId, @Nullable String languageHint) {

  /** A message whose channel says nothing of the user's language. */
  public InboundMessage(String channel, String chatId, @Nullable String displayName, String text,
      @Nullable String channelMessageId) {
    this(channel, chatId, displayName, text, channelMessageId, null);
  }

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(text, "text");
  }
}
