package org.greendesk.follow;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.greendesk.delivery.Outbox;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.store.Jdbc;

/**
 * Following, wired on one database: the SME's commands, the notices after a reload and the reminders.
 *
 * @param knowledge the knowledge served now, asked each time (a reload swaps it)
 */
public record Follows(FollowStore store, Following commands, ChangeNotices notices, Reminders reminders,
    Supplier<KnowledgeBase> knowledge) {

  /**
   * @param concerns where reminded dates come from besides what the SMEs follow
   */
  public static Follows on(Jdbc jdbc, Recipients recipients, Supplier<KnowledgeBase> knowledge, Outbox outbox,
      Messages messages, Clock clock, List<Concerns> concerns) {
    FollowStore store = new FollowStore(jdbc);
    List<Concerns> all = new java.util.ArrayList<>(List.of(new FollowedDates(store)));
    all.addAll(concerns);
    return new Follows(store, new Following(store, knowledge, messages, clock),
        new ChangeNotices(jdbc, store, recipients, outbox, messages, clock),
        new Reminders(jdbc, store, recipients, all, knowledge, outbox, messages, clock), knowledge);
  }
}
