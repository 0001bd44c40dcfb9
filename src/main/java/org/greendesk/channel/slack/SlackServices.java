package org.greendesk.channel.slack;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.greendesk.assistant.Assistant;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.conversation.Desk;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.Handoffs;
import org.greendesk.handoff.KnowledgeCandidates;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.stats.DeskStats;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/**
 * What the Slack app works with, from the rest of GreenDesk.
 *
 * @param lanes where the work after an acknowledgement runs, in order per conversation
 * @param assistant asked for each question, so that a reload is seen at once
 * @param knowledge the knowledge served now, for what staff should check in it
 * @param stats the desk's figures and knowledge gaps
 * @param candidates the gap loop's candidate knowledge, accepted into {@code drafts}
 * @param advisorChannel where escalations are posted; {@code null}: no advisor desk in Slack
 * @param staff user ids allowed staff-only actions; empty: any member of the workspace
 */
public record SlackServices(Jdbc jdbc, EscalationStore escalations, Handoffs handoffs, Desk desk, ChatLanes lanes,
    Supplier<Assistant> assistant, Supplier<KnowledgeBase> knowledge, KnowledgeReload reload, DeskStats stats,
    KnowledgeCandidates candidates, KnowledgeDrafts drafts, @Nullable String advisorChannel, Set<String> staff,
    Clock clock) {

  public SlackServices {
    Objects.requireNonNull(desk, "desk");
    staff = Set.copyOf(staff);
  }

  /** Whether the user may run staff-only commands and press staff-only buttons. */
  boolean isStaff(String userId) {
    return staff.isEmpty() || staff.contains(userId);
  }
}
