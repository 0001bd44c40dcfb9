package org.greendesk.knowledge;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The dated events of the knowledge folder, soonest first. Immutable. */
public record EventCalendar(List<CalendarEvent> events) {

  public EventCalendar {
    events = events.stream().sorted(Comparator.comparing(CalendarEvent::starts)).toList();
  }

  public static EventCalendar empty() {
    return new EventCalendar(List.of());
  }

  /**
   * Events not yet over on {@code today}, soonest first.
   *
   * @param economies keep events for any of these, or for everyone ("Global"); empty keeps all
   * @param topic keeps events it accepts
   */
  public List<CalendarEvent> upcoming(LocalDate today, Set<String> economies, Predicate<CalendarEvent> topic,
      int limit) {
    return events.stream()
        .filter(e -> !e.ends().isBefore(today))
        .filter(e -> economies.isEmpty() || e.economies().contains("Global")
            || e.economies().stream().anyMatch(economies::contains))
        .filter(topic)
        .limit(limit)
        .toList();
  }
}
