package org.greendesk.delivery;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A channel could not deliver. Adapters turn their vendor's errors into this: retryable (rate limited, a 5xx, a
 * network error) or final (the user blocked the bot, the chat does not exist).
 */
public final class SendException extends Exception {
  private final boolean retryable;
  private final @Nullable Duration retryAfter;
  private final boolean recipientGone;
  private final boolean paced;

  private SendException(String message, boolean retryable, @Nullable Duration retryAfter, boolean recipientGone,
      boolean paced) {
    super(message);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.recipientGone = recipientGone;
    this.paced = paced;
  }

  /**
   * Not a failure: the channel paces itself (a platform's messages-per-second limit) and will take this message
   * after the given time. Such a wait does not count as an attempt.
   */
  public static SendException notYet(Duration after) {
    return new SendException("paced: try again in " + after.toMillis() + " ms", true, after, false, true);
  }

  public boolean paced() {
    return paced;
  }

  public static SendException retry(String message, @Nullable Duration after) {
    return new SendException(message, true, after, false, false);
  }

  public static SendException giveUp(String message) {
    return new SendException(message, false, null, false, false);
  }

  /** The recipient blocked the bot or no longer exists: never retried, and the SME is marked. */
  public static SendException recipientGone(String message) {
    return new SendException(message, false, null, true, false);
  }

  public boolean retryable() {
    return retryable;
  }

  /** How long the channel asked us to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean recipientGone() {
    return recipientGone;
  }
}
