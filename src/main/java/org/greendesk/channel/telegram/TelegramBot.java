package org.greendesk.channel.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.delivery.SendException;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.DefaultLongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram bot in long-polling mode: one client for the Bot API (shared by the channel that sends), the
 * commands registered at start, and updates handed to the desk one at a time, in order.
 */
public final class TelegramBot implements AutoCloseable {
  static final List<BotCommand> COMMANDS = List.of(
      command("start", "What GreenDesk can do"), command("help", "How to ask"),
      command("events", "Upcoming events"), command("funding", "Green grants and loans"),
      command("regulations", "Green rules (add a country: /regulations Korea)"),
      command("advisor", "Talk to a person"), command("cancel", "Leave the advisor queue"),
      command("forget", "Delete my data"));

  /** More than this from one chat in a minute is a flood, not a conversation. */
  static final int MESSAGES_PER_MINUTE = 20;

  private final TelegramClient client;
  private final TelegramChannel channel;
  private final String token;
  private final TelegramUrl url;
  private TelegramBotsLongPollingApplication polling;

  public TelegramBot(String token, URI apiUrl) {
    this.token = token;
    int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
    this.url = new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    this.client = new OkHttpTelegramClient(token, url);
    this.channel = new TelegramChannel(client, Clock.systemUTC());
  }

  /** The channel that sends through this bot's client. */
  public TelegramChannel channel() {
    return channel;
  }

  /**
   * Registers the commands and starts long polling into the desk.
   *
   * @throws SendException retryable when Telegram cannot be reached, final when it refuses the token
   */
  public void start(Desk desk) throws SendException {
    try {
      String username = client.execute(new GetMe()).getUserName();
      client.execute(SetMyCommands.builder().commands(COMMANDS).build());
      TelegramUpdates updates = new TelegramUpdates(desk, client, username == null ? "" : username,
          new FloodGuard(MESSAGES_PER_MINUTE, Duration.ofMinutes(1), Clock.systemUTC()));
      polling = new TelegramBotsLongPollingApplication();
      polling.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), new DefaultLongPollingUpdateConsumer() {
        @Override
        public void consume(Update update) {
          updates.handle(update);
        }
      });
    } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException e) {
      throw TelegramChannel.translate(e);
    } catch (TelegramApiException e) {
      throw SendException.retry("Telegram unreachable: " + e.getMessage(), null);
    }
  }

  @Override
  public void close() throws Exception {
    if (polling != null) {
      polling.close();
    }
  }

  private static BotCommand command(String name, String description) {
    return BotCommand.builder().command(name).description(description).build();
  }
}
