package org.greendesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How many escalations one conversation, and one client address, may open: a person asked for a person a few
 * times a day, not ten times in a tenth of a second from ten fresh web sessions. Counted in memory, per instance
 * (a restart forgets, and N instances allow N times as many): a brake on floods, not an accounting. Thread safe.
 */
final class EscalationLimits {
  static final int PER_CONVERSATION = 3;
  static final Duration CONVERSATION_WINDOW = Duration.ofDays(1);
  static final int PER_ORIGIN = 5;
  static final Duration ORIGIN_WINDOW = Duration.ofHours(1);
  /** Beyond this many keys, the ones with nothing left in their window are let go. */
  private static final int TIDY_FROM = 10_000;

  private final Map<String, Deque<Instant>> opened = new ConcurrentHashMap<>();

  /**
   * Whether the conversation may open an escalation now, counting it if so.
   *
   * @param origin the client's address for anonymous channels, or {@code null} when the channel vouches for
   *     its users (Telegram, Slack): then only the conversation is counted
   */
  synchronized boolean take(long conversationId, @Nullable String origin, Instant now) {
    if (opened.size() > TIDY_FROM) {
      opened.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(CONVERSATION_WINDOW)));
    }
    Deque<Instant> conversation = recent("conversation:" + conversationId, CONVERSATION_WINDOW, now);
    Deque<Instant> address = origin == null ? null : recent("origin:" + origin, ORIGIN_WINDOW, now);
    if (conversation.size() >= PER_CONVERSATION || address != null && address.size() >= PER_ORIGIN) {
      return false;
    }
    conversation.addLast(now);
    if (address != null) {
      address.addLast(now);
    }
    return true;
  }

  private Deque<Instant> recent(String key, Duration window, Instant now) {
    Deque<Instant> times = opened.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
      times.removeFirst();
    }
    return times;
  }
}
