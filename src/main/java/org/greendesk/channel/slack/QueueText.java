package org.greendesk.channel.slack;

import java.time.Instant;
import java.util.List;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationStore;

/** Open escalations as Slack text, one line each: number, state, holder, age, reason. */
final class QueueText {
  private QueueText() {}

  /** @param open oldest first, under the heading; an empty list says none */
  static String of(String heading, List<Escalation> open, EscalationStore escalations, Instant now) {
    StringBuilder lines = new StringBuilder("*" + heading + "*" + (open.isEmpty() ? ": none." : ""));
    for (Escalation e : open) {
      String holder = e.advisorId() == null ? "" : escalations.advisor(e.advisorId()).map(Advisor::name)
          .map(EscalationCard::escape).orElse("an advisor");
      lines.append("\n• #").append(e.id()).append(' ').append(EscalationCard.status(e, holder, now))
          .append(" · ").append(EscalationCard.escape(e.reason()));
    }
    return SlackBlocks.fit(lines.toString());
  }
}
