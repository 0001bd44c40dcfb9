package org.greendesk.conversation;

/**
 * What another part of GreenDesk does with its own rows of a conversation whose SME asked to be forgotten: each
 * table's owner deletes or blanks its own, inside the forgetting's transaction. Registered where the service is
 * wired.
 */
@FunctionalInterface
public interface Forgetter {
  void forget(long conversationId);
}
