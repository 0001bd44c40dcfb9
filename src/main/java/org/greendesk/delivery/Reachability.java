package org.greendesk.delivery;

/**
 * Whether an SME can be sent to: the outbox learns that one blocked the bot from the channel's refusal, and stops
 * sending to them until they write again. The conversations own the fact; the outbox reads and reports it here.
 */
public interface Reachability {
  /** Whether the SME of the conversation blocked the bot (or left) and has not written since. */
  boolean blocked(long conversationId);

  /** The channel said the SME of the conversation blocked the bot or no longer exists. */
  void markBlocked(long conversationId);
}
