package org.greendesk.channel.telegram;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.OutgoingMessage;
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
  static final String WELCOME = "Hello! I'm GreenDesk, the eco-innovation help desk for small businesses. Ask me "
      + "about green regulations (CBAM, REACH, emissions trading, carbon taxes...), green funding (grants, loans, "
      + "guarantees) or events, and I'll answer with my sources. A person is available too: send /advisor.";
  static final String HELP = "Ask me a question in your own words, or use:\n/events - upcoming events\n/funding - "
      + "green grants and loans\n/regulations - green rules (e.g. /regulations Korea)\n/advisor - talk to a person\n"
      + "/cancel - leave the advisor queue\n/forget - delete my data";
  static final String TEXT_ONLY = "I can only read text for now. Please type your question, and send /advisor if "
      + "you would like a person to look at a document.";

  static final String SLOW_DOWN = "You are sending messages faster than I can answer them. Please wait a minute "
      + "and ask again.";

  private final Desk desk;
  private final TelegramClient client;
  private final String botUsername;
  private final FloodGuard flood;
  private final TypingIndicator typing;
  private final Pattern mention;

  /**
   * @param botUsername the bot's username without {@code @}, to tell when a group addresses it
   * @param flood how many messages a chat may send, beyond which it is asked to slow down
   * @param typing shows "typing..." while an answer is slow to come
   */
  TelegramUpdates(Desk desk, TelegramClient client, String botUsername, FloodGuard flood, TypingIndicator typing) {
    this.desk = desk;
    this.client = client;
    this.botUsername = botUsername.toLowerCase(Locale.ROOT);
    this.flood = flood;
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
        desk.notify(TelegramChannel.NAME, chatId, OutgoingMessage.text(TEXT_ONLY));
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
    FloodGuard.Verdict verdict = flood.check(chatId);
    if (verdict != FloodGuard.Verdict.ALLOW) {
      if (verdict == FloodGuard.Verdict.SLOW_DOWN) {
        desk.notify(TelegramChannel.NAME, chatId, OutgoingMessage.text(SLOW_DOWN));
      }
      return;
    }
    try (TypingIndicator.Work work = typing.start(chatId)) {
      if (text.startsWith("/")) {
        command(chatId, name(message.getFrom()), text, messageId);
      } else if (!text.isEmpty()) {
        desk.receive(new InboundMessage(TelegramChannel.NAME, chatId, name(message.getFrom()), text, messageId));
      }
    }
  }

  /** Leaving the queue is confirmed by the handoff itself, through the outbox; only a needless /cancel is told. */
  private void cancel(String chatId) {
    if (!desk.cancel(TelegramChannel.NAME, chatId)) {
      desk.notify(TelegramChannel.NAME, chatId, OutgoingMessage.text("You are not waiting for an advisor."));
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

  private void command(String chatId, String name, String text, String messageId) {
    String[] words = text.split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1] : "";
    switch (command) {
      case "/start" -> desk.notify(TelegramChannel.NAME, chatId, OutgoingMessage.text(WELCOME));
      case "/advisor" -> ask(chatId, name, "I would like to talk to a person. " + rest, messageId);
      case "/events" -> ask(chatId, name, "What events are coming up " + rest, messageId);
      case "/funding" -> ask(chatId, name, "What green funding, grants and loans can an SME get " + rest, messageId);
      case "/regulations" -> ask(chatId, name, "Which green regulations apply to SMEs " + rest, messageId);
      case "/cancel" -> cancel(chatId);
      case "/forget" -> desk.notify(TelegramChannel.NAME, chatId, new OutgoingMessage("This deletes your messages "
          + "and personal details held by GreenDesk. Are you sure?", List.of(), List.of("forget")));
      default -> desk.notify(TelegramChannel.NAME, chatId, OutgoingMessage.text(HELP));
    }
  }

  private void ask(String chatId, String name, String question, String messageId) {
    desk.receive(new InboundMessage(TelegramChannel.NAME, chatId, name, question.strip(), messageId));
  }

  private void button(CallbackQuery query) {
    String chatId = String.valueOf(query.getMessage().getChatId());
    String data = query.getData() == null ? "" : query.getData();
    String reply;
    if (data.equals(TelegramChannel.HELPFUL) || data.equals(TelegramChannel.NOT_HELPFUL)) {
      desk.feedback(TelegramChannel.NAME, chatId, data.equals(TelegramChannel.HELPFUL));
      reply = "Thank you for the feedback.";
    } else if (data.equals(TelegramChannel.ADVISOR)) {
      ask(chatId, name(query.getFrom()), "I would like to talk to a person.", "callback:" + query.getId());
      reply = "Asking for an advisor.";
    } else if (data.startsWith(TelegramChannel.RATE)) {
      ask(chatId, name(query.getFrom()), data.substring(TelegramChannel.RATE.length()), "callback:" + query.getId());
      reply = "Thank you!";
    } else if (data.equals(TelegramChannel.FORGET)) {
      reply = desk.forget(TelegramChannel.NAME, chatId) ? "Your data has been deleted." : "There was nothing to delete.";
    } else {
      reply = "That button is no longer active.";
    }
    answer(query.getId(), reply);
  }

  /** Telegram shows a spinner on the button until the query is answered: always answer it. */
  private void answer(String queryId, String text) {
    try {
      client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text(text).build());
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
