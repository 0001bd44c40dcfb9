package org.greendesk.channel.line;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.QuickReply;
import com.linecorp.bot.messaging.model.QuickReplyItem;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.delivery.SendException;
import org.greendesk.messages.Messages;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the core's messages to LINE chats with the Messaging API's push: a reply token expires within a minute and
 * may be used once, while the outbox may send later or again. A long message goes out as several text messages,
 * at most {@link #MESSAGES_PER_PUSH} a push, the buttons as quick replies under the last. Each push carries a retry
 * key kept until it succeeds, so LINE accepts a retried push once. Thread safe.
 */
public final class LineChannel implements CustomerChannel {
  private static final Logger LOG = LoggerFactory.getLogger(LineChannel.class);
  public static final String NAME = "line";

  /** Postback data of the quick-reply buttons, read back by {@link LineEvents}. */
  static final String HELPFUL = "feedback:yes";
  static final String NOT_HELPFUL = "feedback:no";
  static final String ADVISOR = "advisor";
  static final String FOLLOW = "follow";
  /** A choice's button: pressing it says its text, as if the SME had typed it. */
  static final String SAY = "say:";
  /** LINE's limit on quick-reply buttons a message. */
  static final int QUICK_REPLIES = 13;
  static final String RATE = "rate:";
  static final String FORGET = "forget:yes";

  /** LINE's limits: a push holds up to 5 messages, a quick-reply label up to 20 characters. */
  static final int MESSAGES_PER_PUSH = 5;
  static final int LABEL_CHARS = 20;

  private final MessagingApiClient client;
  private final Messages messages;
  /** The retry key of each push in flight, by chat, message and batch, until LINE has accepted it. */
  private final Map<String, UUID> retryKeys = new ConcurrentHashMap<>();

  /** @param messages the buttons' labels, in each SME's language */
  LineChannel(MessagingApiClient client, Messages messages) {
    this.client = client;
    this.messages = messages;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(String chatId, OutgoingMessage message) throws SendException {
    List<String> parts = LineText.render(message);
    QuickReply buttons = quickReply(message.actions(), label -> messages.text(message.languageOrEnglish(), label));
    for (int from = 0; from < parts.size(); from += MESSAGES_PER_PUSH) {
      int to = Math.min(parts.size(), from + MESSAGES_PER_PUSH);
      List<Message> batch = new ArrayList<>();
      for (int i = from; i < to; i++) {
        TextMessage.Builder text = new TextMessage.Builder(parts.get(i));
        if (i == parts.size() - 1 && buttons != null) {
          text.quickReply(buttons);
        }
        batch.add(text.build());
      }
      String key = chatId + "\n" + message.hashCode() + "\n" + from;
      try {
        push(retryKeys.computeIfAbsent(key, k -> UUID.randomUUID()), new PushMessageRequest.Builder(chatId, batch)
            .build());
      } catch (SendException e) {
        if (!e.retryable()) {
          retryKeys.remove(key);
        }
        throw e;
      }
      retryKeys.remove(key);
    }
  }

  /**
   * Replies with an event's token: only for a short acknowledgement that may be lost, never through the outbox,
   * since the token expires within a minute and works once. A failure is logged and dropped.
   */
  void acknowledge(@Nullable String replyToken, String text) {
    if (replyToken == null) {
      return;
    }
    client.replyMessage(new ReplyMessageRequest.Builder(replyToken, List.of(new TextMessage.Builder(text).build()))
        .build()).whenComplete((done, failed) -> {
          if (failed != null) {
            LOG.info("LINE acknowledgement not sent: {}", failed.toString());
          }
        });
  }

  private void push(UUID retryKey, PushMessageRequest request) throws SendException {
    try {
      client.pushMessage(retryKey, request).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SendException.retry("interrupted while sending to LINE", null);
    } catch (ExecutionException e) {
      SendException failure = translate(e.getCause());
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * LINE's answer as retry (rate limit, server or network error) or give up (refused, unknown chat); {@code null}
   * for a 409, which says a push with this retry key was accepted already.
   */
  static @Nullable SendException translate(@Nullable Throwable failure) {
    if (!(failure instanceof AbstractLineClientException e)) {
      return SendException.retry("LINE unreachable: " + failure, null);
    }
    int code = e.getCode();
    if (code == 409) {
      return null;
    }
    if (code == 429) {
      return SendException.retry("LINE rate limit", retryAfter(e.getHeader("Retry-After")));
    }
    if (code >= 500) {
      return SendException.retry("LINE error " + code, null);
    }
    if (code == 404) {
      return SendException.recipientGone("LINE knows no such user or chat, or the bot left it");
    }
    return SendException.giveUp("LINE refused the message: " + code + " " + e.getMessage());
  }

  private static @Nullable Duration retryAfter(@Nullable String seconds) {
    try {
      return seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The message's actions as quick-reply buttons; {@code null} when it has none.
   *
   * @param labels a button's label by its catalogue key, in the SME's language
   */
  static @Nullable QuickReply quickReply(List<String> actions, UnaryOperator<String> labels) {
    List<QuickReplyItem> items = new ArrayList<>();
    if (actions.contains("feedback")) {
      items.add(button(labels.apply("button_helpful"), HELPFUL));
      items.add(button(labels.apply("button_not_helpful"), NOT_HELPFUL));
    }
    if (actions.contains("advisor")) {
      items.add(button(labels.apply("button_advisor"), ADVISOR));
    }
    if (actions.contains("follow")) {
      items.add(button(labels.apply("button_follow"), FOLLOW));
    }
    if (actions.contains("rate")) {
      for (int rating = 1; rating <= 5; rating++) {
        items.add(button("⭐".repeat(rating), RATE + rating));
      }
    }
    if (actions.contains("forget")) {
      items.add(button(labels.apply("button_forget"), FORGET));
    }
    // Past LINE's limit, the SME types the answer: the question says what is possible.
    OutgoingMessage.choices(actions).forEach(said -> {
          if (items.size() < QUICK_REPLIES) {
            items.add(button(said, SAY + said));
          }
        });
    return items.isEmpty() ? null : new QuickReply(items);
  }

  /** A postback button; LINE shows its label in the chat as what the SME said. */
  private static QuickReplyItem button(String label, String data) {
    String shown = LineText.truncate(label, LABEL_CHARS);
    return new QuickReplyItem.Builder().action(new PostbackAction.Builder().label(shown).data(data)
        .displayText(label).build()).build();
  }
}
