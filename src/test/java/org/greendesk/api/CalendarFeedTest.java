package org.greendesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events feed, written from a knowledge folder of the test's own and read back by ical4j. */
class CalendarFeedTest {
  private static final Instant NOW = Instant.parse("2026-12-06T09:30:00Z");
  private static final String LONG_TITLE =
      "Green Expo 2027: recycling, água; \\ 재활용 박람회 and a title long enough to fold";

  @TempDir Path folder;
  private KnowledgeBase knowledge;

  @BeforeEach
  void load() throws Exception {
    write(folder, "event/expo.md", """
        ---
        id: expo
        title: Green Expo
        category: event
        source: https://example.org/expo
        recurrence: every year in June
        ---
        # Green Expo

        The Green Expo is a trade fair.
        """);
    write(folder, "events/calendar.ics", String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
        "BEGIN:VEVENT", "UID:expo-2027@greendesk", "DTSTAMP:20261123T000000Z",
        "SUMMARY:" + CalendarFeed.text(LONG_TITLE),
        "DTSTART;VALUE=DATE:20270601", "DTEND;VALUE=DATE:20270604", "LOCATION:Messe\\, Seoul", "X-DOCUMENT:expo",
        "CATEGORIES:expo,recycling", "STATUS:TENTATIVE", "END:VEVENT",
        "BEGIN:VEVENT", "SUMMARY:Energy Week 2025", "DTSTART;VALUE=DATE:20250301", "URL:https://example.org/week",
        "END:VEVENT", "END:VCALENDAR", ""));
    knowledge = new KnowledgeLoader().load(folder);
  }

  private static Calendar parsed(String feed) throws Exception {
    return new CalendarBuilder().build(new StringReader(feed));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
  }

  @Test
  void should_write_a_calendar_an_icalendar_parser_reads_and_finds_valid() throws Exception {
    Calendar calendar = parsed(CalendarFeed.of(knowledge, NOW));

    assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    assertThat(calendar.getPropertyList().getAll()).extracting(Property::getName)
        .contains("PRODID", "VERSION", "CALSCALE");
    assertThat(calendar.<VEvent>getComponents()).hasSize(2);
  }

  @Test
  void should_give_each_event_all_day_dates_with_an_exclusive_end_and_what_is_known_of_it() throws Exception {
    VEvent expo = parsed(CalendarFeed.of(knowledge, NOW)).<VEvent>getComponents().get(1);

    assertThat(value(expo, "UID")).isEqualTo("expo-2027@greendesk");
    assertThat(value(expo, "DTSTAMP")).isEqualTo("20261123T000000Z");
    assertThat(expo.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 6, 1));
    assertThat(expo.getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 6, 4));
    assertThat(value(expo, "SUMMARY")).isEqualTo(LONG_TITLE);
    assertThat(value(expo, "LOCATION")).isEqualTo("Messe, Seoul");
    assertThat(value(expo, "URL")).isEqualTo("https://example.org/expo");
    assertThat(value(expo, "STATUS")).isEqualTo("TENTATIVE");
    assertThat(value(expo, "DESCRIPTION")).isEqualTo("Dates announced by the organiser, to be confirmed.\n"
        + "About the event: Green Expo (every year in June)\nSource: https://example.org/expo");
  }

  @Test
  void should_keep_past_events_as_history_and_stamp_those_without_a_dtstamp_now() throws Exception {
    String feed = CalendarFeed.of(knowledge, NOW);
    VEvent week = parsed(feed).<VEvent>getComponents().get(0);

    assertThat(value(week, "SUMMARY")).isEqualTo("Energy Week 2025");
    assertThat(value(week, "DTSTAMP")).isEqualTo("20261206T093000Z");
    assertThat(value(week, "STATUS")).isEqualTo("CONFIRMED");
    assertThat(feed).contains("DTSTART;VALUE=DATE:20250301\r\nDTEND;VALUE=DATE:20250302\r\n");
  }

  @Test
  void should_keep_every_uid_across_reloads() throws Exception {
    String first = CalendarFeed.of(knowledge, NOW);
    String again = CalendarFeed.of(new KnowledgeLoader().load(folder), NOW.plusSeconds(3600));

    assertThat(uids(again)).isEqualTo(uids(first)).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void should_fold_lines_at_75_octets_with_crlf_never_inside_a_character() throws Exception {
    String feed = CalendarFeed.of(knowledge, NOW);

    assertThat(feed).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\n\r\n");
    List<String> lines = Arrays.asList(feed.split("\r\n"));
    assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
        .as(line).isLessThanOrEqualTo(75));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" "));
    assertThat(feed.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(feed.replace("\r\n ", "")).contains("SUMMARY:" + CalendarFeed.text(LONG_TITLE) + "\r\n");
  }

  @Test
  void should_escape_text_as_rfc_5545_says() {
    assertThat(CalendarFeed.text("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
  }

  private static List<String> uids(String feed) throws Exception {
    return parsed(feed).<VEvent>getComponents().stream().map(e -> value(e, "UID")).toList();
  }
}
