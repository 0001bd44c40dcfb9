package org.greendesk.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.jspecify.annotations.Nullable;

/**
 * Reads iCalendar files ({@code *.ics}) into dated events. Besides the standard SUMMARY, DTSTART, DTEND, LOCATION,
 * URL, STATUS (CONFIRMED, or TENTATIVE for dates only announced) and CATEGORIES (topics), two extensions link an event to the knowledge base: {@code X-ECONOMIES} (comma
 * separated) and {@code X-DOCUMENT} (the id of the document on the recurring event).
 */
final class CalendarLoader {
  private static final String ECONOMIES = "X-ECONOMIES";
  private static final String DOCUMENT = "X-DOCUMENT";

  /** The events of one file; problems are added to the list with the file and, where known, the line. */
  List<CalendarEvent> load(Path file, List<KnowledgeProblem> problems) throws IOException {
    Calendar calendar;
    try (InputStream in = Files.newInputStream(file)) {
      calendar = new CalendarBuilder().build(in);
    } catch (ParserException e) {
      problems.add(new KnowledgeProblem(file, e.getLineNo(), "invalid iCalendar: " + e.getMessage()));
      return List.of();
    }
    List<CalendarEvent> events = new ArrayList<>();
    for (CalendarComponent component : calendar.<CalendarComponent>getComponents()) {
      if (!Component.VEVENT.equals(component.getName())) {
        continue;
      }
      String title = text(component, Property.SUMMARY);
      LocalDate starts = date(component, Property.DTSTART);
      LocalDate endExclusive = date(component, Property.DTEND);
      if (title == null || starts == null) {
        problems.add(new KnowledgeProblem(file, 0, "an event needs SUMMARY and DTSTART (a date): "
            + (title == null ? "(no SUMMARY)" : title)));
        continue;
      }
      LocalDate ends = endExclusive == null || !endExclusive.isAfter(starts) ? starts : endExclusive.minusDays(1);
      String status = Optional.ofNullable(text(component, Property.STATUS)).orElse("CONFIRMED");
      events.add(new CalendarEvent(title, starts, ends,
          Optional.ofNullable(text(component, Property.LOCATION)).orElse(""), list(text(component, ECONOMIES)),
          list(text(component, Property.CATEGORIES)), text(component, Property.URL), text(component, DOCUMENT),
          !status.equalsIgnoreCase("TENTATIVE"), text(component, Property.UID)));
    }
    return events;
  }

  private static @Nullable String text(Component component, String name) {
    return component.getProperty(name).map(p -> ((Property) p).getValue()).filter(v -> !v.isBlank()).orElse(null);
  }

  /** A DATE or DATE-TIME value as its calendar day (events are listed by day). */
  private static @Nullable LocalDate date(Component component, String name) {
    String value = text(component, name);
    if (value == null || value.length() < 8) {
      return null;
    }
    try {
      return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> list(@Nullable String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
