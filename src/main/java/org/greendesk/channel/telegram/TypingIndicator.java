package org.greendesk.channel.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.greendesk.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Shows "typing..." in a chat when working out an answer takes long enough for the wait to be noticed. An answer
 * ready before the delay needs no hint, and skipping it halves the Bot API calls of a busy bot. The hint is sent
 * without waiting: a failure only loses the hint. Thread safe.
 */
final class TypingIndicator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TypingIndicator.class);

  private final TelegramClient client;
  private final Duration delay;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      DaemonThreads.named("greendesk-typing"));

  /** @param delay how long an answer may take before the hint is shown; zero shows it at once */
  TypingIndicator(TelegramClient client, Duration delay) {
    this.client = client;
    this.delay = delay;
  }

  /** Work in progress in a chat; closing it before the delay means the hint is never shown. */
  @FunctionalInterface
  interface Work extends AutoCloseable {
    @Override
    void close();
  }

  Work start(String chatId) {
    if (delay.isZero()) {
      show(chatId);
      return () -> { };
    }
    ScheduledFuture<?> hint = timer.schedule(() -> show(chatId), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> hint.cancel(false);
  }

  private void show(String chatId) {
    try {
      client.executeAsync(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build())
          .exceptionally(e -> {
            LOG.debug("typing action not shown: {}", e.getMessage());
            return false;
          });
    } catch (TelegramApiException e) {
      LOG.debug("typing action not shown: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
