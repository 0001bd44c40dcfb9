package org.greendesk.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fully loaded and validated knowledge folder. Immutable: a reload makes a new one, so a reader never sees a
 * half-loaded base.
 *
 * @param documents in a stable order (by file path)
 * @param calendar the dated events of the folder's {@code *.ics} files
 * @param contentHash changes whenever any document, calendar or the folder's settings change
 * @param warnings what should be mended but did not stop the load (a home page as a regulation's source)
 * @param languages what the folder says in other languages, by ISO 639-1 code
 */
public record KnowledgeBase(List<KnowledgeDocument> documents, EconomyLexicon economies, EventCalendar calendar,
    String contentHash, List<KnowledgeProblem> warnings, Map<String, LanguagePack> languages) {

  public KnowledgeBase {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
    languages = Map.copyOf(languages);
    Objects.requireNonNull(economies, "economies");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  public Optional<KnowledgeDocument> document(String id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The documents whose facts are due to be checked again on or before {@code day}, the most overdue first;
   * documents with no review schedule are left out.
   */
  public List<KnowledgeDocument> dueForReview(LocalDate day) {
    return documents.stream().filter(d -> d.review().due().filter(due -> !due.isAfter(day)).isPresent())
        .sorted(Comparator.comparing(d -> d.review().due().orElseThrow())).toList();
  }

  /** Every source the knowledge cites: each document's {@code source} and {@code sources}, then each event's URL. */
  public List<SourceLink> sourceLinks() {
    List<SourceLink> links = new ArrayList<>();
    for (KnowledgeDocument d : documents) {
      if (d.source() != null) {
        links.add(new SourceLink(d.source(), d.file(), "source"));
      }
      new TreeMap<>(d.sources())
          .forEach((heading, url) -> links.add(new SourceLink(url, d.file(), "sources: " + heading)));
    }
    for (CalendarEvent e : calendar.events()) {
      if (e.url() != null) {
        links.add(new SourceLink(e.url(), e.file(), "event '" + e.title() + "'"));
      }
    }
    return links;
  }

  /** Documents by id, in the base's order. */
  public Map<String, KnowledgeDocument> byId() {
    Map<String, KnowledgeDocument> map = new LinkedHashMap<>();
    documents.forEach(d -> map.put(d.id(), d));
    return map;
  }
}
