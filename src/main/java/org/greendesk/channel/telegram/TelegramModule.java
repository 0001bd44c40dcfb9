package org.greendesk.channel.telegram;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.greendesk.channel.ChannelModule;
import org.greendesk.channel.SettingValues;
import org.greendesk.conversation.Desk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.SendException;
import org.greendesk.web.WebRoutes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram bot as the service starts it: {@code TELEGRAM_BOT_TOKEN} enables it; {@code TELEGRAM_API_URL} points
 * it at another Bot API server (default Telegram's); {@code TELEGRAM_WEBHOOK_URL} with
 * {@code TELEGRAM_WEBHOOK_SECRET} has Telegram post updates to {@code POST /telegram/webhook} instead of being
 * polled; {@code TELEGRAM_SENDS_PER_SECOND} (default 30, Telegram's own limit) paces what is sent.
 */
public final class TelegramModule implements ChannelModule {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramModule.class);
  static final String TOKEN = "TELEGRAM_BOT_TOKEN";
  static final String API_URL = "TELEGRAM_API_URL";
  static final String WEBHOOK_URL = "TELEGRAM_WEBHOOK_URL";
  static final String WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";
  static final String SENDS_PER_SECOND = "TELEGRAM_SENDS_PER_SECOND";
  /**
   * Bot API calls in flight at once. OkHttp's default of 5 a host would queue the outbox's parallel sends behind
   * one another; Telegram's own limit (30 a second) is kept by the channel's pacing, not here.
   */
  private static final int CALLS_AT_ONCE = 64;

  @Override
  public Set<String> settingNames() {
    return Set.of(TOKEN, API_URL, WEBHOOK_URL, WEBHOOK_SECRET, SENDS_PER_SECOND);
  }

  @Override
  public Optional<Configured> configure(Map<String, String> values) {
    URI api = SettingValues.httpUrl(values, API_URL, "https://api.telegram.org");
    URI webhook = SettingValues.text(values, WEBHOOK_URL) == null ? null
        : SettingValues.httpUrl(values, WEBHOOK_URL, "");
    String secret = SettingValues.text(values, WEBHOOK_SECRET);
    if (webhook != null && secret == null) {
      throw new IllegalArgumentException(WEBHOOK_URL + " is set without " + WEBHOOK_SECRET + ": set a secret "
          + "of 1-256 letters, digits, _ or -, so that forged updates can be refused");
    }
    if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
      throw new IllegalArgumentException(WEBHOOK_SECRET + " must be 1-256 letters, digits, _ or -");
    }
    int sendsPerSecond = SettingValues.number(values, SENDS_PER_SECOND, TelegramChannel.PER_SECOND, 1, 10_000);
    String token = SettingValues.text(values, TOKEN);
    SettingValues.requireToken(values, TOKEN, WEBHOOK_URL, WEBHOOK_SECRET);
    return token == null ? Optional.empty()
        : Optional.of(new TelegramSettings(token, api, webhook, webhook == null ? null : secret, sendsPerSecond));
  }

  /**
   * The checked settings; the token and the secret never appear in {@code toString}.
   *
   * @param webhookUrl the public HTTPS address Telegram posts updates to, or {@code null} for long polling
   * @param webhookSecret the secret Telegram sends back with each update; set exactly when {@code webhookUrl} is
   */
  record TelegramSettings(String token, URI apiUrl, @Nullable URI webhookUrl, @Nullable String webhookSecret,
      int sendsPerSecond) implements Configured {
    @Override
    public Running open(Context context) {
      return new Telegram(this, new TelegramBot(token, apiUrl, httpClient(), context.clock(), context.messages(),
          sendsPerSecond, context.lanes()));
    }

    @Override
    public String toString() {
      return "Telegram[token=***, apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", webhookSecret="
          + (webhookSecret == null ? "none" : "***") + ", sendsPerSecond=" + sendsPerSecond + "]";
    }
  }

  /** One client for every Bot API call of the bot, sized for the outbox's parallel sends. */
  private static OkHttpClient httpClient() {
    Dispatcher calls = new Dispatcher();
    calls.setMaxRequests(CALLS_AT_ONCE);
    calls.setMaxRequestsPerHost(CALLS_AT_ONCE);
    return new OkHttpClient.Builder().dispatcher(calls)
        .connectionPool(new ConnectionPool(CALLS_AT_ONCE / 4, 5, TimeUnit.MINUTES)).build();
  }

  /** The running bot: sends from the start, receives once started (polling) or once Telegram posts (webhook). */
  private record Telegram(TelegramSettings settings, TelegramBot bot) implements Running {
    @Override
    public Optional<CustomerChannel> channel() {
      return Optional.of(bot.channel());
    }

    @Override
    public Optional<WebRoutes> connect(Desk desk) throws SendException {
      bot.connect(desk);
      return settings.webhookSecret() == null ? Optional.empty()
          : Optional.of(bot.webhook(settings.webhookSecret()));
    }

    @Override
    public void start() throws SendException {
      if (settings.webhookUrl() != null && settings.webhookSecret() != null) {
        bot.registerWebhook(settings.webhookUrl(), settings.webhookSecret());
      } else {
        bot.poll();
      }
    }

    @Override
    public String describe() {
      return "Telegram (" + (settings.webhookUrl() == null ? "long polling" : "webhook") + ")";
    }

    @Override
    public void close() {
      try {
        bot.close();
      } catch (Exception e) {
        LOG.warn("while stopping Telegram: {}", e.toString());
      }
      // The HTTP client stays open: the outbox's last drain, after this, still sends through it. Its threads are
      // OkHttp's daemons, released when idle.
    }
  }
}
