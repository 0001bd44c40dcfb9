package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.greendesk.knowledge.KnowledgeFiles.document;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {
  @TempDir Path folder;
  private final KnowledgeLoader loader = new KnowledgeLoader();

  @Test
  void should_load_front_matter_body_and_related_ids() throws Exception {
    write(folder, "knowledge.yaml", "categories: [regulation]\neconomies:\n  Korea: [korean]\n");
    write(folder, "regulation/a.md", """
        ---
        id: eu-a
        title: "Rule A: the first"
        category: regulation
        economies: [EU, Korea]
        topics: [carbon, imports]
        aliases: [RA, rule a]
        source: https://example.org/a
        reviewed: 2026-11-01
        location: Seoul
        ---
        # Rule A

        Rule A applies to importers.

        ## Related
        - eu-b
        """);
    write(folder, "README.md", "not a document");

    KnowledgeBase base = loader.load(folder);

    assertThat(base.documents()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("eu-a");
      assertThat(d.title()).isEqualTo("Rule A: the first");
      assertThat(d.economies()).containsExactly("EU", "Korea");
      assertThat(d.aliases()).containsExactly("RA", "rule a");
      assertThat(d.reviewed()).isEqualTo(LocalDate.of(2026, 11, 1));
      assertThat(d.attributes()).containsEntry("location", "Seoul");
      assertThat(d.related()).containsExactly("eu-b");
    });
    assertThat(base.economies().find("a Korean firm")).containsExactly("Korea");
  }

  @Test
  void should_report_file_and_line_of_invalid_yaml() {
    Path broken = write(folder, "guide/broken.md", "---\nid: x\ntitle: [unclosed\ncategory: guide\n---\nText.\n");

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(broken);
      assertThat(p.line()).isBetween(3, 5);
      assertThat(p.problem()).startsWith("invalid YAML");
    });
  }

  @Test
  void should_name_each_missing_required_field() {
    write(folder, "guide/untitled.md", "---\nid: x\n---\nText.\n");

    assertThatThrownBy(() -> loader.load(folder))
        .isInstanceOf(KnowledgeFormatException.class)
        .hasMessageContaining("untitled.md:1: missing required field 'title'")
        .hasMessageContaining("missing required field 'category'");
  }

  @Test
  void should_refuse_a_duplicate_id_naming_both_files() {
    write(folder, "guide/one.md", document("same", "One", "guide", "Text one."));
    write(folder, "guide/two.md", document("same", "Two", "guide", "Text two."));

    assertThatThrownBy(() -> loader.load(folder))
        .hasMessageContaining("two.md:2: duplicate id 'same', already used by")
        .hasMessageContaining("one.md");
  }

  @Test
  void should_refuse_a_category_the_folder_does_not_declare() {
    write(folder, "knowledge.yaml", "categories: [guide, funding]\n");
    write(folder, "misc/x.md", document("x", "X", "recipe", "Text."));

    assertThatThrownBy(() -> loader.load(folder))
        .hasMessageContaining("x.md:4: unknown category 'recipe' (known: funding, guide)");
  }

  @Test
  void should_refuse_bad_dates_and_urls_and_empty_bodies() {
    write(folder, "guide/dates.md", "---\nid: d\ntitle: D\ncategory: guide\nreviewed: 1 May 2026\nsource: ftp:/x\n---\n");

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).extracting(KnowledgeProblem::problem).containsExactlyInAnyOrder(
        "reviewed must be a date YYYY-MM-DD: 1 May 2026", "source must be an http(s) URL: ftp:/x",
        "no text after the front matter");
  }

  @Test
  void should_load_nothing_when_one_file_of_many_is_broken() {
    write(folder, "guide/good.md", document("good", "Good", "guide", "Fine text."));
    write(folder, "guide/bad.md", "no front matter here\n");

    assertThatThrownBy(() -> loader.load(folder))
        .isInstanceOf(KnowledgeFormatException.class)
        .hasMessageContaining("bad.md:1: missing YAML front matter");
  }

  @Test
  void should_change_the_content_hash_only_when_a_file_changes() throws Exception {
    write(folder, "guide/a.md", document("a", "A", "guide", "Text."));
    String first = loader.load(folder).contentHash();
    String again = loader.load(folder).contentHash();
    write(folder, "guide/a.md", document("a", "A", "guide", "Other text."));

    assertThat(again).isEqualTo(first);
    assertThat(loader.load(folder).contentHash()).isNotEqualTo(first);
  }

  @Test
  void should_accept_any_category_in_a_folder_without_settings() throws Exception {
    write(folder, "recipes/soup.md", document("soup", "Soup", "recipe", "Boil water."));

    assertThat(loader.load(folder).documents()).extracting(KnowledgeDocument::category).containsExactly("recipe");
  }

  private static String calendar(String... events) {
    StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for (String event : events) {
      text.append("BEGIN:VEVENT\r\n").append(event).append("DTSTART;VALUE=DATE:20270601\r\nEND:VEVENT\r\n");
    }
    return text.append("END:VCALENDAR\r\n").toString();
  }

  @Test
  void should_keep_each_events_uid_stamp_and_file_and_make_a_stable_uid_for_one_without() throws Exception {
    Path file = write(folder, "events/calendar.ics", calendar(
        "UID:expo-2027@example.org\r\nDTSTAMP:20261123T080000Z\r\nSUMMARY:Green Expo 2027\r\n",
        "SUMMARY:Energy Week 2027\r\n"));

    List<CalendarEvent> events = loader.load(folder).calendar().events();

    assertThat(events).extracting(CalendarEvent::uid, CalendarEvent::stamp, CalendarEvent::file).containsExactly(
        tuple("expo-2027@example.org", Instant.parse("2026-11-23T08:00:00Z"), file),
        tuple(events.get(1).uid(), null, file));
    assertThat(events.get(1).uid()).endsWith("@greendesk")
        .isEqualTo(loader.load(folder).calendar().events().get(1).uid());
  }

  @Test
  void should_refuse_a_uid_used_by_two_events() {
    write(folder, "events/a.ics", calendar("UID:expo@example.org\r\nSUMMARY:Green Expo 2027\r\n"));
    write(folder, "events/b.ics", calendar("UID:expo@example.org\r\nSUMMARY:Energy Week 2027\r\n"));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).singleElement().extracting(KnowledgeProblem::problem).isEqualTo("event 'Energy Week "
        + "2027' has the UID expo@example.org of 'Green Expo 2027' in a.ics: a UID is never reused");
  }
}
