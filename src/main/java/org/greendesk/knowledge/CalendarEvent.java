package org.greendesk.knowledge;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
 * @param uid the event's {@code UID}, unique in the knowledge folder and the same at every load
 * @param stamp when its entry was written ({@code DTSTAMP}), or {@code null} when the file does not say
 * @param file the calendar file it comes from
 */
public record CalendarEvent(
    String title, LocalDate starts, LocalDate ends, String location, List<String> economies, List<String> topics,
    @Nullable String url, @Nullable String documentId, boolean confirmed, String uid, @Nullable Instant stamp,
    Path file) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

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
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(file, "file");
  }

  /**
   * The event's days as a person reads them ("4 May 2026 to 8 May 2026"); an announced event spanning a whole month
   * or year is said as that month or year ("November 2027", "2027").
   */
  public String dates() {
    if (!confirmed && starts.getDayOfYear() == 1 && ends.getMonthValue() == 12 && ends.getDayOfMonth() == 31
        && starts.getYear() == ends.getYear()) {
      return String.valueOf(starts.getYear());
    }
    if (!confirmed && starts.getDayOfMonth() == 1 && ends.equals(starts.withDayOfMonth(starts.lengthOfMonth()))) {
      return MONTH.format(starts);
    }
    return starts.equals(ends) ? DAY.format(starts) : DAY.format(starts) + " to " + DAY.format(ends);
  }
}
