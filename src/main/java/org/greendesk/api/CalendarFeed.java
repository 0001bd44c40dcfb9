package org.greendesk.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.greendesk.knowledge.CalendarEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.jspecify.annotations.Nullable;

/**
 * The knowledge's dated events as an RFC 5545 iCalendar feed, for calendar applications to subscribe to: one
 * all-day {@code VEVENT} per event, past ones included as history, soonest first. Each keeps the {@code UID} of
 * the knowledge's calendar file, so a subscriber updates an event rather than adding it again after a reload. The
 * {@code DESCRIPTION} says whether the organiser has confirmed the dates; the {@code URL} is the page announcing
 * them, else the source of the event's document. Text is escaped and lines folded at 75 octets, ended by CRLF.
 * Pure and thread safe.
 */
final class CalendarFeed {
  static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
  private static final int MAX_OCTETS = 75;
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CalendarFeed() {}

  /** @param now the {@code DTSTAMP} of events whose calendar file gives none */
  static String of(KnowledgeBase knowledge, Instant now) {
    List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
        "PRODID:-//GreenDesk//Events feed//EN", "CALSCALE:GREGORIAN", "X-WR-CALNAME:GreenDesk events"));
    for (CalendarEvent event : knowledge.calendar().events()) {
      Optional<KnowledgeDocument> document = Optional.ofNullable(event.documentId()).flatMap(knowledge::document);
      String url = event.url() != null ? event.url() : document.map(KnowledgeDocument::source).orElse(null);
      lines.add("BEGIN:VEVENT");
      lines.add("UID:" + text(event.uid()));
      lines.add("DTSTAMP:" + STAMP.format(event.stamp() == null ? now : event.stamp()));
      lines.add("DTSTART;VALUE=DATE:" + DATE.format(event.starts()));
      lines.add("DTEND;VALUE=DATE:" + DATE.format(event.ends().plusDays(1)));
      lines.add("SUMMARY:" + text(event.title()));
      if (!event.location().isBlank()) {
        lines.add("LOCATION:" + text(event.location()));
      }
      if (url != null) {
        lines.add("URL:" + url);
      }
      lines.add("DESCRIPTION:" + text(description(event, document, url)));
      lines.add("STATUS:" + (event.confirmed() ? "CONFIRMED" : "TENTATIVE"));
      if (!event.topics().isEmpty()) {
        lines.add("CATEGORIES:" + String.join(",", event.topics().stream().map(CalendarFeed::text).toList()));
      }
      lines.add("END:VEVENT");
    }
    lines.add("END:VCALENDAR");
    StringBuilder feed = new StringBuilder();
    lines.forEach(line -> fold(line, feed));
    return feed.toString();
  }

  private static String description(CalendarEvent event, Optional<KnowledgeDocument> document,
      @Nullable String url) {
    StringBuilder text = new StringBuilder(event.confirmed() ? "Dates and venue confirmed by the organiser."
        : "Dates announced by the organiser, to be confirmed.");
    document.ifPresent(d -> {
      text.append("\nAbout the event: ").append(d.title());
      String recurrence = d.attributes().getOrDefault("recurrence", "");
      if (!recurrence.isBlank()) {
        text.append(" (").append(recurrence).append(')');
      }
    });
    if (url != null) {
      text.append("\nSource: ").append(url);
    }
    return text.toString();
  }

  /** A TEXT value: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /**
   * The content line, folded so that no line passes 75 octets of UTF-8 (a continuation line starts with a space,
   * which counts), never inside a character, each line ended by CRLF.
   */
  static void fold(String line, StringBuilder out) {
    int octets = 0;
    for (int codePoint : line.codePoints().toArray()) {
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
    }
    out.append("\r\n");
  }
}
