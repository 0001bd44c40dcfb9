package org.greendesk.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.delivery.SendException;
import org.greendesk.messages.Messages;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends the core's messages to Telegram chats through the Bot API. A long message goes out as several parts; if
 * a later part fails, the retry starts after the parts already delivered, so no part is sent twice while the
 * process runs. Thread safe.
 */
public final class TelegramChannel implements CustomerChannel {
  public static final String NAME = "telegram";

  /** Callback data of the inline buttons, read back by the update handler. */
  static final String HELPFUL = "feedback:yes";
  static final String NOT_HELPFUL = "feedback:no";
  static final String ADVISOR = "advisor";
  static final String FOLLOW = "follow";
  /** A choice's button: pressing it says its text, as if the SME had typed it. */
  static final String SAY = "say:";
  /** Telegram's limit on a button's callback data, in bytes. */
  private static final int CALLBACK_BYTES = 64;
  static final String RATE = "rate:";
  static final String FORGET = "forget:yes";

  /** Telegram's limits: about one message a second in a chat, and 30 a second in all. */
  static final Duration PER_CHAT = Duration.ofSeconds(1);
  public static final int PER_SECOND = 30;
  /** Past this many chats, those quiet for longer than the pace are forgotten. */
  private static final int FORGET_CHATS_ABOVE = 1_000;

  private final TelegramClient client;
  private final Messages messages;
  private final Clock clock;
  private final Map<String, Integer> partsSent = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
  private final Deque<Instant> recent = new ArrayDeque<>();
  private final int perSecond;

  /**
   * @param messages the buttons' labels, in each SME's language
   * @param perSecond messages a second in all: Telegram's {@link #PER_SECOND}, more only for a local Bot API
   */
  public TelegramChannel(TelegramClient client, Messages messages, Clock clock, int perSecond) {
    this.client = client;
    this.messages = messages;
    this.clock = clock;
    this.perSecond = perSecond;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(String chatId, OutgoingMessage message) throws SendException {
    pace(chatId);
    List<String> parts = TelegramFormat.render(message);
    String key = chatId + "\n" + message.hashCode();
    int from = partsSent.getOrDefault(key, 0);
    for (int i = from; i < parts.size(); i++) {
      SendMessage.SendMessageBuilder<?, ?> request = SendMessage.builder().chatId(chatId).text(parts.get(i))
          .parseMode(ParseMode.HTML).disableWebPagePreview(true);
      if (i == parts.size() - 1 && !message.actions().isEmpty()) {
        request.replyMarkup(keyboard(message.actions(), label -> messages.text(message.languageOrEnglish(), label)));
      }
      execute(request.build());
      partsSent.put(key, i + 1);
    }
    partsSent.remove(key);
  }

  /**
   * Keeps within Telegram's limits by asking the outbox to come back later (which costs no attempt), rather than
   * by sleeping or by being refused with a 429.
   */
  private synchronized void pace(String chatId) throws SendException {
    Instant now = clock.instant();
    Instant last = lastSent.get(chatId);
    if (last != null && last.plus(PER_CHAT).isAfter(now)) {
      throw SendException.notYet(Duration.between(now, last.plus(PER_CHAT)));
    }
    while (!recent.isEmpty() && !recent.peekFirst().plusSeconds(1).isAfter(now)) {
      recent.pollFirst();
    }
    if (recent.size() >= perSecond) {
      throw SendException.notYet(Duration.between(now, recent.peekFirst().plusSeconds(1)));
    }
    if (lastSent.size() > FORGET_CHATS_ABOVE) {
      // Chats quiet for longer than the pace need no entry: this keeps about a second's worth of chats.
      lastSent.values().removeIf(sent -> !sent.plus(PER_CHAT).isAfter(now));
    }
    lastSent.put(chatId, now);
    recent.addLast(now);
  }

  private void execute(SendMessage request) throws SendException {
    try {
      client.execute(request);
    } catch (TelegramApiException e) {
      throw translate(e);
    }
  }

  /**
   * A failed Bot API call as our own failure: retry when Telegram could not be reached, rate-limited us or failed
   * itself; the recipient gone when the user blocked the bot; give up on any other refusal.
   */
  static SendException translate(TelegramApiException failure) {
    if (!(failure instanceof TelegramApiRequestException e)) {
      return SendException.retry("Telegram unreachable: " + failure.getMessage(), null);
    }
    Integer code = e.getErrorCode();
    if (code == null || code >= 500) {
      return SendException.retry("Telegram error " + code, null);
    }
    if (code == 429) {
      Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      return SendException.retry("Telegram rate limit", after == null ? null : Duration.ofSeconds(after));
    }
    if (code == 403) {
      return SendException.recipientGone("the user blocked the bot or left the chat");
    }
    return SendException.giveUp("Telegram refused the message: " + code + " " + e.getApiResponse());
  }

  /** @param labels a button's label by its catalogue key, in the SME's language */
  static InlineKeyboardMarkup keyboard(List<String> actions, UnaryOperator<String> labels) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    if (actions.contains("feedback")) {
      rows.add(new InlineKeyboardRow(button(labels.apply("button_helpful"), HELPFUL),
          button(labels.apply("button_not_helpful"), NOT_HELPFUL)));
    }
    if (actions.contains("advisor")) {
      rows.add(new InlineKeyboardRow(button(labels.apply("button_advisor"), ADVISOR)));
    }
    if (actions.contains("follow")) {
      rows.add(new InlineKeyboardRow(button(labels.apply("button_follow"), FOLLOW)));
    }
    InlineKeyboardRow choices = new InlineKeyboardRow();
    for (String said : OutgoingMessage.choices(actions)) {
      if ((SAY + said).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= CALLBACK_BYTES) {
        choices.add(button(said, SAY + said));
        if (choices.size() == 3) {
          rows.add(choices);
          choices = new InlineKeyboardRow();
        }
      }
    }
    if (!choices.isEmpty()) {
      rows.add(choices);
    }
    if (actions.contains("rate")) {
      InlineKeyboardRow stars = new InlineKeyboardRow();
      for (int rating = 1; rating <= 5; rating++) {
        stars.add(button(String.valueOf(rating), RATE + rating));
      }
      rows.add(stars);
    }
    if (actions.contains("forget")) {
      rows.add(new InlineKeyboardRow(button(labels.apply("button_forget"), FORGET)));
    }
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  private static InlineKeyboardButton button(String text, String data) {
    return InlineKeyboardButton.builder().text(text).callbackData(data).build();
  }
}
