package org.greendesk.channel.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.EscalationStore;

/**
 * Where a web chat's handoff to a person stands, for the page to show after a reload as well as live: read from
 * the escalations, the single source of truth, rather than guessed from the messages the page has seen.
 * Thread safe.
 */
public final class HandoffStatus {
  private final ConversationStore conversations;
  private final EscalationStore escalations;

  public HandoffStatus(ConversationStore conversations, EscalationStore escalations) {
    this.conversations = conversations;
    this.escalations = escalations;
  }

  /**
   * {@code {"state": "none"}}, {@code {"state": "queued"}} while the SME waits for an advisor, or
   * {@code {"state": "claimed", "advisor": "Kim"}} while an advisor holds the conversation.
   */
  Map<String, Object> of(String chatId) {
    Optional<Escalation> open = conversations.find(WebChannel.NAME, chatId)
        .flatMap(conversation -> escalations.openFor(conversation.id()));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("state", open.map(e -> e.state().wire()).orElse("none"));
    open.filter(e -> e.state() == EscalationState.CLAIMED && e.advisorId() != null)
        .flatMap(e -> escalations.advisor(e.advisorId()))
        .map(Advisor::name)
        .ifPresent(name -> status.put("advisor", name));
    return status;
  }
}
