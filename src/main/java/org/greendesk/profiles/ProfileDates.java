package org.greendesk.profiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.greendesk.follow.Concerns;
import org.greendesk.follow.DatedItem;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.profile.CheckResult;
import org.greendesk.profile.Checker;
import org.greendesk.profile.Profile;

/**
 * The dates that concern SMEs through their profile: the next date of each rule that applies to them, of each
 * programme they may be eligible for, and of the events for their economy, as {@code /check} finds them. Thread safe.
 */
public final class ProfileDates implements Concerns {
  private final ProfileStore store;

  public ProfileDates(ProfileStore store) {
    this.store = store;
  }

  @Override
  public List<Concern> all(KnowledgeBase knowledge, LocalDate today) {
    Checker checker = new Checker(knowledge);
    List<Concern> concerns = new ArrayList<>();
    for (Map.Entry<Long, Profile> e : store.all().entrySet()) {
      CheckResult result;
      try {
        result = checker.check(e.getValue(), today);
      } catch (IllegalArgumentException unknownEconomy) {
        // The knowledge no longer names the economy the SME chose: nothing to remind until they choose again.
        continue;
      }
      Stream.of(result.applies(), result.funding(), result.events().stream().filter(f -> confirmed(f.id(), knowledge))
              .toList()).flatMap(List::stream)
          .filter(f -> f.nextDate() != null)
          .forEach(f -> concerns.add(new Concern(e.getKey(), new DatedItem(f.id(), f.title(), f.nextDate(),
              knowledge.document(f.id()).map(d -> d.source()).orElse(null)))));
    }
    return concerns;
  }

  /** An event whose dates are only announced ("2027, dates to be confirmed") has no day to remind of. */
  private static boolean confirmed(String eventId, KnowledgeBase knowledge) {
    return knowledge.calendar().events().stream().filter(e -> e.uid().equals(eventId)).anyMatch(e -> e.confirmed());
  }
}
