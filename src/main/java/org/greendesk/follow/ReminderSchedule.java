package org.greendesk.follow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reminders' rounds now and then on a daemon thread of its own, so a slow round holds up nothing else. A
 * round that fails is logged and tried again at the next one. Tests call {@link Reminders#run} themselves.
 */
public final class ReminderSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReminderSchedule.class);
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "greendesk-reminders");
    thread.setDaemon(true);
    return thread;
  });

  /** Starts the rounds: the first after {@code first}, then every {@code every}. */
  public static ReminderSchedule start(Reminders reminders, Duration first, Duration every) {
    ReminderSchedule schedule = new ReminderSchedule();
    schedule.executor.scheduleWithFixedDelay(() -> {
      try {
        reminders.run();
      } catch (RuntimeException e) {
        LOG.warn("reminders not sent this round: {}", e.toString());
      }
    }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return schedule;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
