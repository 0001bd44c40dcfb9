package org.greendesk.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the outbox sender that there is something to send, so that a reply goes out as soon as it is committed
 * rather than at the next poll. Rings that come while nobody waits are remembered as one. Thread safe.
 */
public final class Doorbell {
  private final Semaphore rung = new Semaphore(0);

  public void ring() {
    if (rung.availablePermits() == 0) {
      rung.release();
    }
  }

  /** Waits until the bell rings or the time is up; true if it rang. */
  public boolean await(Duration timeout) throws InterruptedException {
    boolean rang = rung.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    rung.drainPermits();
    return rang;
  }
}
