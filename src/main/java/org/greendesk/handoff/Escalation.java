package org.greendesk.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A conversation handed to a person.
 *
 * @param question the message that triggered it
 * @param topic the intent of the conversation when it was escalated (regulation, funding...)
 * @param cited ids of the documents the bot had already cited
 * @param suggestedAdvisorId who the routing suggests, by topic, economy and open load; {@code null} if no one
 * @param advisorId who holds it while claimed (and who held it when it closed); {@code null} otherwise
 * @param version incremented by every change; an update must name the version it read
 */
public record Escalation(
    long id, long conversationId, EscalationState state, String reason, String question, String topic,
    List<String> economies, List<String> cited, @Nullable Long suggestedAdvisorId, @Nullable Long advisorId,
    Instant createdAt, @Nullable Instant claimedAt, @Nullable Instant closedAt, boolean overdue, int version) {

  public Escalation {
    Objects.requireNonNull(state, "state");
    economies = List.copyOf(economies);
    cited = List.copyOf(cited);
  }
}
