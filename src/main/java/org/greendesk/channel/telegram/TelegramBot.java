package org.greendesk.channel.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.conversation.Desk;
import org.greendesk.delivery.SendException;
import org.greendesk.messages.Messages;
import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram bot: one client for the Bot API (shared by the channel that sends), the commands registered at
 * {@link #connect}, then updates from long polling ({@link #poll}) or from Telegram's posts to our webhook
 * ({@link #webhook}). Updates of different chats are handled at once, those of one chat in order; an update is
 * acknowledged to Telegram only once it has been handled, so a crash makes Telegram deliver it again rather than
 * lose it, and the desk answers a redelivery once.
 */
public final class TelegramBot implements AutoCloseable {
  /** The commands in Telegram's menu, in this order; each described by the catalogue's {@code command_<name>}. */
  static final List<String> COMMANDS = List.of("start", "help", "events", "funding", "regulations", "advisor",
      "cancel", "language", "profile", "check", "follow", "following", "unfollow", "forget");

  /** Telegram posts to a webhook over at most this many connections at once. */
  static final int WEBHOOK_CONNECTIONS = 40;
  /** An answer quicker than this needs no "typing..." hint. */
  static final Duration TYPING_AFTER = Duration.ofSeconds(1);

  private final TelegramClient client;
  private final Messages messages;
  private final TypingIndicator typing;
  private final TelegramChannel channel;
  private final String token;
  private final TelegramUrl url;
  private final ChatLanes lanes;
  private @Nullable TelegramUpdates updates;
  private @Nullable TelegramBotsLongPollingApplication polling;

  /**
   * @param http the client every Bot API call goes through; its owner closes it
   * @param clock paces the sends
   * @param messages the menu of commands and the buttons, in each language
   * @param sendsPerSecond messages a second in all ({@link TelegramChannel#PER_SECOND} for Telegram's servers)
   * @param lanes where updates are handled: in parallel across chats, in order within one
   */
  TelegramBot(String token, URI apiUrl, OkHttpClient http, Clock clock, Messages messages, int sendsPerSecond,
      ChatLanes lanes) {
    this.token = token;
    this.messages = messages;
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
    this.url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    this.client = new OkHttpTelegramClient(http, token, url);
    this.typing = new TypingIndicator(client, TYPING_AFTER);
    this.channel = new TelegramChannel(client, messages, clock, sendsPerSecond);
    this.lanes = lanes;
  }

  /** The channel that sends through this bot's client. */
  public TelegramChannel channel() {
    return channel;
  }

  /**
   * Checks the token, registers the menu of commands (in English, and in each language of the catalogue for the
   * users whose app is in it) and gets ready to hand updates to the desk.
   *
   * @throws SendException retryable when Telegram cannot be reached, final when it refuses the token
   */
  public void connect(Desk desk) throws SendException {
    String username = call(() -> client.execute(new GetMe()).getUserName());
    call(() -> client.execute(SetMyCommands.builder().commands(menu(Messages.ENGLISH)).build()));
    for (String language : messages.languages()) {
      if (!language.equals(Messages.ENGLISH)) {
        call(() -> client.execute(SetMyCommands.builder().commands(menu(language)).languageCode(language).build()));
      }
    }
    updates = new TelegramUpdates(desk, client, username == null ? "" : username, typing);
  }

  /** Starts long polling: each batch is handled before the next is asked for, which acknowledges it. */
  public void poll() throws SendException {
    TelegramUpdates handler = connected();
    polling = new TelegramBotsLongPollingApplication();
    call(() -> polling.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), batch -> {
      try {
        lanes.runAll(batch.stream().map(u -> new ChatLanes.Work(TelegramUpdates.chat(u), () -> handler.handle(u)))
            .toList());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
  }

  /** The route Telegram posts updates to; serve it, then {@link #registerWebhook}. */
  public TelegramWebhook webhook(String secret) {
    TelegramUpdates handler = connected();
    return new TelegramWebhook(secret, u -> lanes.submit(TelegramUpdates.chat(u), () -> handler.handle(u)));
  }

  /** Tells Telegram to post updates to the address, with the secret, instead of waiting to be polled. */
  public void registerWebhook(URI address, String secret) throws SendException {
    call(() -> client.execute(SetWebhook.builder().url(address.toString()).secretToken(secret)
        .maxConnections(WEBHOOK_CONNECTIONS).allowedUpdates(List.of("message", "edited_message", "callback_query"))
        .build()));
  }

  private TelegramUpdates connected() {
    if (updates == null) {
      throw new IllegalStateException("connect first");
    }
    return updates;
  }

  /** A Bot API call at start, its failure as retry (unreachable) or give up (refused). */
  private static <T> T call(ApiCall<T> call) throws SendException {
    try {
      return call.run();
    } catch (TelegramApiException e) {
      throw TelegramChannel.translate(e);
    }
  }

  @FunctionalInterface
  private interface ApiCall<T> {
    T run() throws TelegramApiException;
  }

  @Override
  public void close() throws Exception {
    if (polling != null) {
      polling.close();
    }
    typing.close();
  }

  private List<BotCommand> menu(String language) {
    return COMMANDS.stream().<BotCommand>map(name -> BotCommand.builder().command(name)
        .description(messages.text(language, "command_" + name)).build()).toList();
  }

  /** Hands one update over and says when it has been handled. */
  @FunctionalInterface
  interface UpdateHandler {
    CompletableFuture<Void> handle(Update update);
  }
}
