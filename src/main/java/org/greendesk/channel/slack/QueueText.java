package org.greendesk.channel.slack;

import java.time.Instant;
import java.util.List;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationStore;

/** Open escalations as Slack text, one line each: number, state, holder, age, reason. */
final class QueueText {
  private QueueText() {}

  /** @param open oldest first; an empty list says so */
  static String of(List<Escalation> open, EscalationStore escalations, Instant now) {
    if (open.isEmpty()) {
      return "No open escalations.";
    }
    StringBuilder lines = new StringBuilder("*Open escalations, oldest first*");
    for (Escalation e : open) {
      String holder = e.advisorId() == null ? "" : escalations.advisor(e.advisorId()).map(Advisor::name)
          .map(EscalationCard::escape).orElse("an advisor");
      lines.append("\n• #").append(e.id()).append(' ').append(EscalationCard.status(e, holder, now))
          .append(" · ").append(EscalationCard.escape(e.reason()));
    }
    return SlackBlocks.fit(lines.toString());
  }
}
