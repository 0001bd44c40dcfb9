package org.greendesk.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The SMEs who blocked the bot, kept in memory: the outbox's view of the conversations, for its tests. */
final class InMemoryReachability implements Reachability {
  private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

  @Override
  public boolean blocked(long conversationId) {
    return blocked.contains(conversationId);
  }

  @Override
  public void markBlocked(long conversationId) {
    blocked.add(conversationId);
  }
}
