package org.greendesk.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One dated occurrence of an event, from the knowledge folder's calendar.
 *
 * @param ends the last day, inclusive (iCalendar's DTEND is exclusive; the loader converts)
 * @param url the event's page, or {@code null}
 * @param documentId the knowledge document describing the recurring event, or {@code null}
 * @param confirmed the organiser has published the dates and the venue ({@code STATUS:CONFIRMED}); otherwise they
 *     are only announced ({@code TENTATIVE}: a year, a city, provisional dates)
 * @param uid the event's iCalendar UID, unique and never reused, or {@code null} when the file gives none
 */
public record CalendarEvent(
    String title, LocalDate starts, LocalDate ends, String location, List<String> economies, List<String> topics,
    @Nullable String url, @Nullable String documentId, boolean confirmed, @Nullable String uid) {

  public CalendarEvent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(ends, "ends");
    if (ends.isBefore(starts)) {
      throw new IllegalArgumentException("an event cannot end before it starts: " + title);
    }
    Objects.requireNonNull(location, "location");
    economies = List.copyOf(economies);
    topics = List.copyOf(topics);
  }
}
