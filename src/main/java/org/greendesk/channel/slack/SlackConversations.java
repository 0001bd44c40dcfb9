package org.greendesk.channel.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.regex.Pattern;
import org.greendesk.conversation.InboundMessage;
import org.jspecify.annotations.Nullable;

/**
 * Questions to the bot in Slack, held as conversations of the desk like any channel's (stored before they are
 * answered, remembered, answered once, answered through the outbox): a mention in a channel is answered in its
 * thread, a direct message in the DM. The bot answers only when addressed, and never its own or another bot's
 * messages. Slack's message ts is the message's id, so a retried delivery is recognised by the desk.
 */
final class SlackConversations {
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

  private final SlackServices services;
  private final SlackCards cards;

  SlackConversations(SlackServices services, SlackCards cards) {
    this.services = services;
    this.cards = cards;
  }

  /** A mention in a channel: answered in the thread it starts or belongs to, unless that is an escalation card's. */
  void mention(EventsApiPayload<AppMentionEvent> payload) {
    AppMentionEvent event = payload.getEvent();
    boolean direct = event.getChannel() != null && event.getChannel().startsWith("D");
    if (event.getBotId() != null || event.getText() == null || direct
        || event.getThreadTs() != null && cards.atThread(event.getChannel(), event.getThreadTs()).isPresent()) {
      return;
    }
    receive(SlackChannel.chatId(event.getChannel(), event.getTs(), event.getThreadTs(), false), event.getUser(),
        event.getText(), event.getTs());
  }

  /** A direct message to the bot; false when the message is not one. */
  boolean direct(MessageEvent event, @Nullable String botUserId) {
    if (!"im".equals(event.getChannelType())) {
      return false;
    }
    if (event.getBotId() == null && event.getSubtype() == null && event.getText() != null && event.getUser() != null
        && !event.getUser().equals(botUserId)) {
      receive(SlackChannel.chatId(event.getChannel(), event.getTs(), null, true), event.getUser(), event.getText(),
          event.getTs());
    }
    return true;
  }

  /** Handed to the desk after the acknowledgement, in order within the conversation. */
  private void receive(String chatId, String user, String text, String ts) {
    String question = SlackText.plain(MENTION.matcher(text).replaceAll(" ")).strip();
    services.lanes().submit(SlackChannel.NAME + ":" + chatId,
        () -> services.desk().receive(new InboundMessage(SlackChannel.NAME, chatId, user, question, ts)));
  }

  /** The helpful / not helpful buttons under an answer. */
  void feedback(String chatId, boolean helpful) {
    services.desk().feedback(SlackChannel.NAME, chatId, helpful);
  }
}
