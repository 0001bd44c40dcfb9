package org.greendesk.handoff;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An advisor's answer in a resolved escalation, offered to staff as candidate knowledge.
 *
 * @param question the SME's question that opened the escalation
 * @param answer what the advisor wrote to the SME, their messages in order
 * @param topic the escalation's topic (an intent: regulation, funding...), or {@code null}
 */
public record KnowledgeCandidate(long id, long escalationId, String question, String answer, @Nullable String topic,
    List<String> economies, State state, Instant createdAt) {

  public KnowledgeCandidate {
    economies = List.copyOf(economies);
  }

  /** {@code OFFERED} until a staff member accepts it into a draft or dismisses it. */
  public enum State { OFFERED, ACCEPTED, DISMISSED }
}
