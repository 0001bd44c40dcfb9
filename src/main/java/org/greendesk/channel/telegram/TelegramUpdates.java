package org.greendesk.channel.telegram;

import java.util.Locale;
import java.util.regex.Pattern;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.InboundMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns Telegram updates into the desk's messages: questions, the bot's commands, button presses, and a polite
 * word for what it cannot read. In a group it answers only when addressed (a command or a mention for it, or a
 * reply to it). The message id a redelivered update repeats makes the desk handle it once. Thread safe.
 */
public final class TelegramUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);
  private final Desk desk;
  private final TelegramClient client;
  private final String botUsername;
  private final TypingIndicator typing;
  private final Pattern mention;

  /**
   * @param botUsername the bot's username without {@code @}, to tell when a group addresses it
   * @param typing shows "typing..." while an answer is slow to come
   */
  TelegramUpdates(Desk desk, TelegramClient client, String botUsername, TypingIndicator typing) {
    this.desk = desk;
    this.client = client;
    this.botUsername = botUsername.toLowerCase(Locale.ROOT);
    this.typing = typing;
    this.mention = Pattern.compile("(?i)@" + Pattern.quote(this.botUsername) + "\\b");
  }

  /** The chat an update belongs to, whose updates must be handled in order; its own id if it has no chat. */
  static String chat(Update update) {
    if (update.hasMessage()) {
      return String.valueOf(update.getMessage().getChatId());
    }
    if (update.hasEditedMessage()) {
      return String.valueOf(update.getEditedMessage().getChatId());
    }
    if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
      return String.valueOf(update.getCallbackQuery().getMessage().getChatId());
    }
    return "update:" + update.getUpdateId();
  }

  /** Handles one update. Never throws for what a user sent: a bad update is logged and skipped. */
  public void handle(Update update) {
    try {
      if (update.hasCallbackQuery()) {
        button(update.getCallbackQuery());
      } else if (update.hasMessage()) {
        message(update.getMessage(), "");
      } else if (update.hasEditedMessage()) {
        Message edited = update.getEditedMessage();
        message(edited, ":edited:" + edited.getEditDate());
      }
    } catch (RuntimeException e) {
      LOG.warn("update {} could not be handled: {}", update.getUpdateId(), e.toString());
    }
  }

  private void message(Message message, String idSuffix) {
    String chatId = String.valueOf(message.getChatId());
    boolean group = !Boolean.TRUE.equals(message.getChat().isUserChat());
    if (!message.hasText()) {
      if (!group) {
        desk.tell(TelegramChannel.NAME, chatId, "text_only");
      }
      return;
    }
    String text = message.getText().strip();
    if (group && !addressed(message, text)) {
      return;
    }
    if (!botUsername.isEmpty()) {
      text = mention.matcher(text).replaceAll("").strip();
    }
    String messageId = chatId + ":" + message.getMessageId() + idSuffix;
    if (text.isEmpty()) {
      return;
    }
    User from = message.getFrom();
    // Commands are the desk's, the same in every channel; the app's language is a first guess at the SME's.
    try (TypingIndicator.Work work = typing.start(chatId)) {
      desk.receive(new InboundMessage(TelegramChannel.NAME, chatId, name(from), text, messageId,
          from == null ? null : from.getLanguageCode()));
    }
  }

  private boolean addressed(Message message, String text) {
    if (botUsername.isEmpty()) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Message replied = message.getReplyToMessage();
    return lower.contains("@" + botUsername) || (replied != null && replied.getFrom() != null
        && botUsername.equalsIgnoreCase(replied.getFrom().getUserName()));
  }

  /** A button is a typed call into the desk; the toast it shows is in the SME's language. */
  private void button(CallbackQuery query) {
    String chatId = String.valueOf(query.getMessage().getChatId());
    String data = query.getData() == null ? "" : query.getData();
    String toast;
    if (data.equals(TelegramChannel.HELPFUL) || data.equals(TelegramChannel.NOT_HELPFUL)) {
      desk.feedback(TelegramChannel.NAME, chatId, data.equals(TelegramChannel.HELPFUL));
      toast = "feedback_thanks";
    } else if (data.equals(TelegramChannel.ADVISOR)) {
      desk.askForAdvisor(TelegramChannel.NAME, chatId, name(query.getFrom()), "callback:" + query.getId());
      toast = null;
    } else if (data.startsWith(TelegramChannel.SAY) && data.length() > TelegramChannel.SAY.length()) {
      User from = query.getFrom();
      desk.receive(new InboundMessage(TelegramChannel.NAME, chatId, name(from),
          data.substring(TelegramChannel.SAY.length()), "callback:" + query.getId(),
          from == null ? null : from.getLanguageCode()));
      toast = null;
    } else if (data.equals(TelegramChannel.FOLLOW)) {
      desk.follow(TelegramChannel.NAME, chatId, name(query.getFrom()), "callback:" + query.getId());
      toast = null;
    } else if (data.startsWith(TelegramChannel.RATE) && data.substring(TelegramChannel.RATE.length()).matches("[1-5]")) {
      boolean rated = desk.rate(TelegramChannel.NAME, chatId, Integer.parseInt(data.substring(TelegramChannel.RATE.length())));
      toast = rated ? null : "button_inactive";
    } else if (data.equals(TelegramChannel.FORGET)) {
      toast = desk.forget(TelegramChannel.NAME, chatId) ? "forgotten" : "nothing_to_forget";
    } else {
      toast = "button_inactive";
    }
    answer(query.getId(), toast == null ? null : desk.text(TelegramChannel.NAME, chatId, toast));
  }

  /** Telegram shows a spinner on the button until the query is answered: always answer it, with a toast or not. */
  private void answer(String queryId, @Nullable String toast) {
    try {
      client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text(toast).build());
    } catch (TelegramApiException e) {
      LOG.info("callback query could not be answered: {}", e.getMessage());
    }
  }

  private static String name(User user) {
    if (user == null) {
      return "SME";
    }
    return user.getLastName() == null ? user.getFirstName() : user.getFirstName() + " " + user.getLastName();
  }
}
