package org.greendesk.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.greendesk.web.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: where Telegram posts updates in webhook mode. A request without the secret
 * Telegram was given is refused before its body is read. An update is answered 200 only once it has been
 * handled; if that takes too long the answer is 503 and Telegram delivers it again, which the desk answers once.
 */
public final class TelegramWebhook implements WebRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhook.class);
  public static final String PATH = "/telegram/webhook";
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  /** Well under the minute after which Telegram gives up on a request. */
  private static final long HANDLING_SECONDS = 25;

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final byte[] secret;
  private final TelegramBot.UpdateHandler handler;

  TelegramWebhook(String secret, TelegramBot.UpdateHandler handler) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.handler = handler;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) throws InterruptedException {
    String given = ctx.header(SECRET_HEADER);
    // Constant time, so that the secret cannot be guessed one character at a time from response times.
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      LOG.warn("Telegram webhook request refused: {} secret token from {}", given == null ? "no" : "wrong", ctx.ip());
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "missing or wrong " + SECRET_HEADER));
      return;
    }
    Update update;
    try {
      update = JSON.readValue(ctx.body(), Update.class);
    } catch (JsonProcessingException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "not a Telegram update: " + e.getOriginalMessage()));
      return;
    }
    try {
      handler.handle(update).get(HANDLING_SECONDS, TimeUnit.SECONDS);
      ctx.json(Map.of("ok", true));
    } catch (TimeoutException e) {
      LOG.warn("update {} still being handled after {} s: asking Telegram to retry", update.getUpdateId(),
          HANDLING_SECONDS);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "busy, retry later"));
    } catch (ExecutionException e) {
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "update could not be handled"));
    }
  }
}
