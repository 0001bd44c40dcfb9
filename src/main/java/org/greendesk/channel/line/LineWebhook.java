package org.greendesk.channel.line;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.web.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /line/webhook}: where LINE posts events. The body's signature is checked, in constant time, before
 * it is parsed; a request without the right one is refused. The events of one chat are handled in order, those of
 * different chats at once; the request is answered 200 once they have been handled, 503 if that takes too long, so
 * that LINE (with redelivery on in the console) posts them again and the desk answers them once.
 */
final class LineWebhook implements WebRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LineWebhook.class);
  static final String PATH = "/line/webhook";
  static final String SIGNATURE_HEADER = "X-Line-Signature";
  /** Well within the time LINE waits for an answer before it counts the delivery as failed. */
  private static final long HANDLING_SECONDS = 20;

  private static final ObjectMapper JSON = ModelObjectMapper.createNewObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final SecretKeySpec key;
  private final LineEvents events;
  private final ChatLanes lanes;

  LineWebhook(String channelSecret, LineEvents events, ChatLanes lanes) {
    this.key = new SecretKeySpec(channelSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.events = events;
    this.lanes = lanes;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PATH, this::receive);
  }

  /** The signature LINE sends for a body: HMAC-SHA256 with the channel secret, in Base64. */
  static String signature(byte[] body, SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  private void receive(Context ctx) throws InterruptedException {
    byte[] body = ctx.bodyAsBytes();
    String given = ctx.header(SIGNATURE_HEADER);
    // Constant time, so that a signature cannot be guessed one character at a time from response times.
    if (given == null || !MessageDigest.isEqual(signature(body, key).getBytes(StandardCharsets.US_ASCII),
        given.strip().getBytes(StandardCharsets.US_ASCII))) {
      LOG.warn("LINE webhook request refused: {} signature from {}", given == null ? "no" : "wrong", ctx.ip());
      ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", "missing or wrong " + SIGNATURE_HEADER));
      return;
    }
    CallbackRequest request;
    try {
      request = JSON.readValue(body, CallbackRequest.class);
    } catch (IOException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "not a LINE webhook body"));
      return;
    }
    List<CompletableFuture<Void>> handled = new ArrayList<>();
    for (Event event : request.events() == null ? List.<Event>of() : request.events()) {
      String chat = LineEvents.chat(event);
      if (chat != null) {
        handled.add(lanes.submit(chat, () -> events.handle(event)));
      }
    }
    try {
      CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).get(HANDLING_SECONDS, TimeUnit.SECONDS);
      ctx.json(Map.of());
    } catch (TimeoutException e) {
      LOG.warn("LINE events still being handled after {} s: asking LINE to deliver them again", HANDLING_SECONDS);
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "busy, retry later"));
    } catch (ExecutionException e) {
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "events could not be handled"));
    }
  }
}
