package org.greendesk.follow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.greendesk.knowledge.Applicability;
import org.greendesk.knowledge.CalendarEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;

/**
 * The dates that concern SMEs through what they follow: a followed document's next deadlines (its {@code deadline},
 * its {@code applies_to} and {@code eligible} deadlines) and the dated events it describes; the dated events on a
 * followed topic; the dated events held for a followed economy (events for everyone are left out: following Korea
 * is not asking to hear of every global forum). Thread safe.
 */
public final class FollowedDates implements Concerns {
  private final FollowStore store;

  public FollowedDates(FollowStore store) {
    this.store = store;
  }

  @Override
  public List<Concern> all(KnowledgeBase knowledge, LocalDate today) {
    List<Concern> concerns = new ArrayList<>();
    for (FollowStore.Followed followed : store.all()) {
      dates(followed.follow(), knowledge, today)
          .forEach(item -> concerns.add(new Concern(followed.smeId(), item)));
    }
    return concerns;
  }

  /** The follow's dated items on or after today. */
  static List<DatedItem> dates(Follow follow, KnowledgeBase knowledge, LocalDate today) {
    return switch (follow.kind()) {
      case DOCUMENT -> knowledge.document(follow.target()).map(d -> document(d, knowledge, today)).orElse(List.of());
      case TOPIC -> events(knowledge, today, e -> e.topics().stream()
          .anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(follow.target())));
      case ECONOMY -> events(knowledge, today, e -> e.economies().contains(follow.target()));
      case EVENTS -> events(knowledge, today, e -> follow.target().isEmpty()
          || e.economies().contains(follow.target()));
    };
  }

  private static List<DatedItem> document(KnowledgeDocument document, KnowledgeBase knowledge, LocalDate today) {
    List<DatedItem> items = new ArrayList<>(events(knowledge, today, e -> document.id().equals(e.documentId())));
    Applicability applicability = document.applicability();
    Stream.concat(Stream.of(deadline(document)), Stream.concat(applicability.appliesTo().stream(),
            applicability.eligibility().stream()).map(clause -> clause.nextDeadline(today)))
        .flatMap(Optional::stream)
        .filter(day -> !day.isBefore(today))
        .distinct()
        .forEach(day -> items.add(new DatedItem(document.id(), document.shortName(), day, document.source())));
    return items;
  }

  private static Optional<LocalDate> deadline(KnowledgeDocument document) {
    String text = document.attributes().get("deadline");
    try {
      return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Confirmed events starting on or after today that the filter keeps. One already under way has nothing to remind
   * of; one whose dates are only announced ("2027, dates to be confirmed") has no day to remind of.
   */
  private static List<DatedItem> events(KnowledgeBase knowledge, LocalDate today, Predicate<CalendarEvent> keep) {
    return knowledge.calendar().events().stream()
        .filter(CalendarEvent::confirmed)
        .filter(e -> !e.starts().isBefore(today))
        .filter(keep)
        .map(e -> new DatedItem(e.uid(), e.title(), e.starts(), e.url()))
        .toList();
  }
}
