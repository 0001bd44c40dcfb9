package org.greendesk.channel.line;

import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.GroupSource;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.RoomSource;
import com.linecorp.bot.webhook.model.Source;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserMentionee;
import com.linecorp.bot.webhook.model.UserSource;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.InboundMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns LINE's webhook events into the desk's messages: text messages, quick-reply presses (postbacks), a welcome
 * when a user adds the bot, and a stop to sending when they block it (unfollow). In a group or room it answers only
 * when the bot is mentioned. The ids a redelivered event repeats (the message's, the event's) make the desk handle
 * it once. Thread safe.
 */
final class LineEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LineEvents.class);
  private final Desk desk;
  private final Acknowledge acknowledge;

  /**
   * @param acknowledge answers a button press at once, the way a toast would
   */
  LineEvents(Desk desk, Acknowledge acknowledge) {
    this.desk = desk;
    this.acknowledge = acknowledge;
  }

  /** The chat an event belongs to, whose events must be handled in order: a group, a room or a user. */
  static @Nullable String chat(Event event) {
    Source source = null;
    if (event instanceof MessageEvent e) {
      source = e.source();
    } else if (event instanceof PostbackEvent e) {
      source = e.source();
    } else if (event instanceof FollowEvent e) {
      source = e.source();
    } else if (event instanceof UnfollowEvent e) {
      source = e.source();
    }
    if (source instanceof GroupSource group) {
      return group.groupId();
    }
    if (source instanceof RoomSource room) {
      return room.roomId();
    }
    return source instanceof UserSource user ? user.userId() : null;
  }

  /** Handles one event. Never throws for what a user sent: a bad event is logged and skipped. */
  void handle(Event event) {
    String chatId = chat(event);
    if (chatId == null) {
      return;
    }
    try {
      if (event instanceof MessageEvent e) {
        message(chatId, e);
      } else if (event instanceof PostbackEvent e) {
        postback(chatId, e);
      } else if (event instanceof FollowEvent e) {
        // Like any message from the SME, this clears a block an unfollow left.
        desk.receive(new InboundMessage(LineChannel.NAME, chatId, null, "/start", "follow:" + e.webhookEventId()));
      } else if (event instanceof UnfollowEvent) {
        // Blocked: every push would be refused until they add the bot again.
        desk.blocked(LineChannel.NAME, chatId);
      }
    } catch (RuntimeException e) {
      LOG.warn("LINE event {} could not be handled: {}", event.getClass().getSimpleName(), e.toString());
    }
  }

  private void message(String chatId, MessageEvent event) {
    boolean group = !(event.source() instanceof UserSource);
    if (!(event.message() instanceof TextMessageContent content)) {
      if (!group) {
        desk.tell(LineChannel.NAME, chatId, "text_only");
      }
      return;
    }
    if (group && !mentioned(content)) {
      return;
    }
    String text = content.text() == null ? "" : content.text().strip();
    if (!text.isEmpty()) {
      // Commands are the desk's, the same in every channel; LINE says nothing of the user's language.
      desk.receive(new InboundMessage(LineChannel.NAME, chatId, null, text, content.id()));
    }
  }

  private static boolean mentioned(TextMessageContent content) {
    return content.mention() != null && content.mention().mentionees().stream()
        .anyMatch(m -> m instanceof UserMentionee user && Boolean.TRUE.equals(user.isSelf()));
  }

  /**
   * A quick-reply press is a typed call into the desk. Its short acknowledgement (LINE has no toast) is a reply
   * with the event's token, outside the conversation, so that it is not stored: after "delete my data" nothing of
   * the SME may be written again.
   */
  private void postback(String chatId, PostbackEvent event) {
    String data = event.postback() == null || event.postback().data() == null ? "" : event.postback().data();
    String rating = data.startsWith(LineChannel.RATE) ? data.substring(LineChannel.RATE.length()) : "";
    String ack;
    if (data.equals(LineChannel.HELPFUL) || data.equals(LineChannel.NOT_HELPFUL)) {
      desk.feedback(LineChannel.NAME, chatId, data.equals(LineChannel.HELPFUL));
      ack = "feedback_thanks";
    } else if (data.equals(LineChannel.ADVISOR)) {
      desk.askForAdvisor(LineChannel.NAME, chatId, null, "postback:" + event.webhookEventId());
      ack = null;
    } else if (data.startsWith(LineChannel.SAY) && data.length() > LineChannel.SAY.length()) {
      desk.receive(new InboundMessage(LineChannel.NAME, chatId, null, data.substring(LineChannel.SAY.length()),
          "postback:" + event.webhookEventId()));
      ack = null;
    } else if (data.equals(LineChannel.FOLLOW)) {
      desk.follow(LineChannel.NAME, chatId, null, "postback:" + event.webhookEventId());
      ack = null;
    } else if (rating.matches("[1-5]")) {
      ack = desk.rate(LineChannel.NAME, chatId, Integer.parseInt(rating)) ? null : "button_inactive";
    } else if (data.equals(LineChannel.FORGET)) {
      // In the SME's language, read before it is forgotten.
      String forgotten = desk.text(LineChannel.NAME, chatId, "forgotten");
      String nothing = desk.text(LineChannel.NAME, chatId, "nothing_to_forget");
      acknowledge.reply(event.replyToken(), desk.forget(LineChannel.NAME, chatId) ? forgotten : nothing);
      return;
    } else {
      ack = "button_inactive";
    }
    if (ack != null) {
      acknowledge.reply(event.replyToken(), desk.text(LineChannel.NAME, chatId, ack));
    }
  }

  /** Answers an event with its reply token, at once and at most once; a failure is only logged. */
  @FunctionalInterface
  interface Acknowledge {
    void reply(@Nullable String replyToken, String text);
  }
}
