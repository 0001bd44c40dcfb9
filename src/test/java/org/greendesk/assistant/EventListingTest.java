package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventListingTest {
  @TempDir Path folder;
  private EventListing listing;

  private static String event(String uid, String title, String start, String endExclusive, String economies,
      String categories, String document) {
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:" + title + "\r\nDTSTART;VALUE=DATE:"
        + start + "\r\nDTEND;VALUE=DATE:" + endExclusive + "\r\nLOCATION:Somewhere\r\nCATEGORIES:" + categories
        + "\r\nX-ECONOMIES:" + economies + (document == null ? "" : "\r\nX-DOCUMENT:" + document) + "\r\nEND:VEVENT\r\n";
  }

  private static String calendar(String... events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
  }

  private static String eventDocument(String id, String title, String economies, String recurrence) {
    return "---\nid: " + id + "\ntitle: " + title + "\ncategory: event\neconomies: [" + economies + "]\ntopics: [expo]\n"
        + "location: Seoul\nrecurrence: " + recurrence + "\n---\n# " + title + "\n\n" + title + " is an event.\n";
  }

  @BeforeEach
  void load() throws Exception {
    write(folder, "knowledge.yaml", "economies:\n  Korea: [korean]\n  EU: [europe]\n");
    write(folder, "event/expo.md", eventDocument("expo", "Korea Green Expo", "Korea", "annual, usually in June"));
    write(folder, "event/week.md", eventDocument("week", "Europe Energy Week", "EU", "annual"));
    write(folder, "events/calendar.ics", calendar(
        event("past", "Green Expo 2026", "20260601", "20260604", "Korea", "expo,recycling", "expo"),
        event("soon", "Green Expo 2027", "20270601", "20270604", "Korea", "expo,recycling", "expo"),
        event("later", "Energy Week 2027", "20270901", "20270902", "EU", "energy", null)));
    KnowledgeBase base = new KnowledgeLoader().load(folder);
    Clock clock = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);
    listing = new EventListing(base, text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> w.length() > 2).toList(), List.of("events", "coming", "what", "are", "upcoming"),
        ShippedPrompts.messages(), clock);
  }

  @Test
  void should_list_events_not_yet_over_soonest_first_with_inclusive_end_dates() {
    Answer answer = listing.answer("what events are coming up?", 3, "en");

    assertThat(answer.text()).contains("1 Jun 2027 to 3 Jun 2027: Green Expo 2027", "Energy Week 2027")
        .doesNotContain("Green Expo 2026");
    assertThat(answer.text().indexOf("Green Expo 2027")).isLessThan(answer.text().indexOf("Energy Week 2027"));
    assertThat(answer.intent()).isEqualTo(Intent.EVENT);
    assertThat(answer.sources()).extracting(Source::id).first().isEqualTo("expo");
  }

  @Test
  void should_filter_by_the_economy_named() {
    Answer answer = listing.answer("upcoming events in Europe", 3, "en");

    assertThat(answer.text()).contains("Energy Week 2027").doesNotContain("Green Expo 2027");
  }

  @Test
  void should_filter_by_the_subject_named() {
    Answer answer = listing.answer("upcoming events on recycling", 3, "en");

    assertThat(answer.text()).contains("Green Expo 2027").doesNotContain("Energy Week 2027");
  }

  @Test
  void should_say_so_when_no_dated_event_is_ahead_and_list_recurring_ones() throws Exception {
    Clock later = Clock.fixed(Instant.parse("2028-01-01T00:00:00Z"), ZoneOffset.UTC);
    EventListing next = new EventListing(new KnowledgeLoader().load(folder), text -> List.of(text), List.of(), ShippedPrompts.messages(),
        later);

    Answer answer = next.answer("what events are coming up?", 3, "en");

    assertThat(answer.text()).startsWith("I have no dated events in my calendar from 1 Jan 2028 on.")
        .contains("Korea Green Expo: Seoul; annual, usually in June");
  }

  @Test
  void should_refuse_a_calendar_event_that_names_an_unknown_document() {
    write(folder, "events/more.ics", calendar(event("x", "Ghost Fair", "20270101", "20270102", "EU", "x", "ghost")));

    assertThatThrownBy(() -> new KnowledgeLoader().load(folder))
        .hasMessageContaining("more.ics: event 'Ghost Fair' names unknown document ghost");
  }

  @Test
  void should_report_a_broken_calendar_with_its_line() {
    write(folder, "events/broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY oops\r\n");

    assertThatThrownBy(() -> new KnowledgeLoader().load(folder))
        .hasMessageContaining("broken.ics:").hasMessageContaining("invalid iCalendar");
  }
}
