package org.greendesk.conversation;

import java.util.Objects;
import org.greendesk.store.StorableText;
import org.jspecify.annotations.Nullable;

/**
 * A message from an SME, as a channel adapter hands it to the core: its text and name without control characters
 * (see {@link StorableText}), whichever channel it came from.
 *
 * @param chatId the conversation's address in the channel (a Telegram chat id, a web session)
 * @param displayName how to call the SME, or {@code null}
 * @param channelMessageId the channel's id for the message, which a redelivery repeats; {@code null} if it has none
 * @param languageHint the language the channel says the user's app is in (ISO 639-1), or {@code null}
 * @param origin the client's network address, for a channel whose users are anonymous (the web chat), so that one
 *     address cannot fill the advisor queue; {@code null} for channels that vouch for their users
 */
public record InboundMessage(String channel, String chatId, @Nullable String displayName, String text,
    @Nullable String channelMessageId, @Nullable String languageHint, @Nullable String origin) {

  /** A message from a channel that vouches for its users. */
  public InboundMessage(String channel, String chatId, @Nullable String displayName, String text,
      @Nullable String channelMessageId, @Nullable String languageHint) {
    this(channel, chatId, displayName, text, channelMessageId, languageHint, null);
  }

  /** A message whose channel says nothing of the user's language. */
  public InboundMessage(String channel, String chatId, @Nullable String displayName, String text,
      @Nullable String channelMessageId) {
    this(channel, chatId, displayName, text, channelMessageId, null, null);
  }

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(chatId, "chatId");
    text = StorableText.clean(Objects.requireNonNull(text, "text"));
    displayName = displayName == null ? null : StorableText.clean(displayName);
  }
}
