package org.greendesk.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-chat limit on inbound messages: at most {@code max} in any {@code window}. The first message over the
 * limit is told to slow down; the next ones are dropped quietly until the window has room again, so that a flood
 * costs neither answers nor replies. Thread safe; memory holds the chats seen in about the last window.
 */
public final class FloodGuard {
  /** What to do with a message. */
  public enum Verdict { ALLOW, SLOW_DOWN, DROP }

  /** More than this from one chat in a minute is a flood, not a conversation. */
  public static final int MESSAGES_PER_MINUTE = 20;

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
  private final Map<String, Boolean> warned = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  public FloodGuard(int max, Duration window, Clock clock) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** The limit every channel's chats are held to: {@value #MESSAGES_PER_MINUTE} messages a minute. */
  public static FloodGuard perMinute(Clock clock) {
    return new FloodGuard(MESSAGES_PER_MINUTE, Duration.ofMinutes(1), clock);
  }

  public Verdict check(String chat) {
    Instant now = clock.instant();
    forgetQuietChats(now);
    Deque<Instant> times = recent.computeIfAbsent(chat, c -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() < max) {
        times.addLast(now);
        warned.remove(chat);
        return Verdict.ALLOW;
      }
      return warned.put(chat, Boolean.TRUE) == null ? Verdict.SLOW_DOWN : Verdict.DROP;
    }
  }

  /** Once a window, forgets the chats that sent nothing in the last one: a busy bot meets many chats. */
  private void forgetQuietChats(Instant now) {
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(window);
    Instant since = now.minus(window);
    recent.entrySet().removeIf(entry -> {
      synchronized (entry.getValue()) {
        return entry.getValue().isEmpty() || !entry.getValue().peekLast().isAfter(since);
      }
    });
    warned.keySet().retainAll(recent.keySet());
  }
}
