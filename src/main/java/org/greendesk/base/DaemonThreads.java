package org.greendesk.base;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for GreenDesk's own executors: daemons, so that one left running never keeps the process alive after
 * {@code main} or a test ends (each owner still shuts its executor down), and named, so that a thread dump says
 * whose they are.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Daemon threads named {@code name-1}, {@code name-2}, ... in the order they are made. Thread safe. */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
