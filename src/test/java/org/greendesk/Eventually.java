package org.greendesk;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits in a test for something to happen rather than for a length of time: it looks again every few
 * milliseconds and gives up, naming what it waited for, after a patience no healthy run comes near.
 */
public final class Eventually {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration PAUSE = Duration.ofMillis(10);

  private Eventually() {}

  /**
   * The value once {@code probe} finds one.
   *
   * @throws AssertionError naming {@code what} when none came within the patience
   */
  public static <T> T value(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + " after " + PATIENCE.toSeconds() + " s");
      }
      LockSupport.parkNanos(PAUSE.toNanos());
    }
  }

  /** Returns once {@code condition} holds; the same patience. */
  public static void until(String what, Supplier<Boolean> condition) {
    value(what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}
