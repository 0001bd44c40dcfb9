package org.greendesk.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.greendesk.knowledge.CalendarEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.messages.Messages;

/**
 * Answers "what events are coming up?": the calendar's dated events from today on, then the recurring events the
 * knowledge base describes, both filtered by the economy and the subject the question names. Thread safe.
 */
final class EventListing {
  private static final int MAX_DATED = 5;
  private static final int MAX_RECURRING = 4;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final KnowledgeBase base;
  private final Function<String, List<String>> analyse;
  private final Set<String> generic;
  private final Messages messages;
  private final Clock clock;

  /** @param generic words that say "events" without naming a subject (the trigger phrases, "next", "month") */
  EventListing(KnowledgeBase base, Function<String, List<String>> analyse, List<String> generic, Messages messages,
      Clock clock) {
    this.base = base;
    this.analyse = analyse;
    this.generic = new HashSet<>(analyse.apply(String.join(" ", generic)));
    this.messages = messages;
    this.clock = clock;
  }

  /** @param language the language of the listing's own words; events keep their names */
  Answer answer(String question, int topK, String language) {
    LocalDate today = LocalDate.now(clock);
    Set<String> economies = base.economies().find(question);
    List<String> subject = analyse.apply(base.economies().strip(question)).stream()
        .filter(term -> !generic.contains(term)).toList();
    List<CalendarEvent> dated = base.calendar().upcoming(today, economies, e -> true, Integer.MAX_VALUE);
    List<CalendarEvent> onSubject = dated.stream().filter(about(subject, e -> e.title() + " " + e.topics())).toList();
    dated = (onSubject.isEmpty() ? dated : onSubject).stream().limit(MAX_DATED).toList();
    List<KnowledgeDocument> recurring = recurring(economies, subject);

    StringBuilder text = new StringBuilder();
    Map<String, KnowledgeDocument> cited = new LinkedHashMap<>();
    if (dated.isEmpty()) {
      text.append(messages.text(language, "events_none", Map.of("date", DAY.format(today),
          "where", economies.isEmpty() ? "" : " (" + String.join(", ", economies) + ")")));
    } else {
      text.append(messages.text(language, "events_coming"));
      for (CalendarEvent event : dated) {
        text.append("\n- ").append(event.dates()).append(": ").append(event.title());
        if (!event.location().isEmpty()) {
          text.append(", ").append(event.location());
        }
        if (!event.confirmed()) {
          text.append(" (").append(messages.text(language, "events_to_confirm")).append(")");
        }
        if (event.documentId() != null) {
          base.document(event.documentId()).ifPresent(d -> cited.put(d.id(), d));
        }
      }
    }
    if (!recurring.isEmpty()) {
      text.append("\n\n").append(messages.text(language, "events_recurring"));
      for (KnowledgeDocument document : recurring) {
        text.append("\n- ").append(document.title()).append(detail(document));
        cited.putIfAbsent(document.id(), document);
      }
    }
    List<Source> sources = cited.values().stream().limit(topK)
        .map(d -> new Source(d.id(), d.title(), d.source(), d.reviewed(), 1.0)).toList();
    return new Answer(question, text.toString(), sources, dated.isEmpty() && recurring.isEmpty() ? 0.3 : 0.9,
        Intent.EVENT, Handoff.NONE, "events from the calendar (" + dated.size() + " dated, " + recurring.size()
        + " recurring)");
  }

  private List<KnowledgeDocument> recurring(Set<String> economies, List<String> subject) {
    List<KnowledgeDocument> events = base.documents().stream()
        .filter(d -> d.category().equals("event"))
        .filter(d -> economies.isEmpty() || d.economies().contains("Global")
            || d.economies().stream().anyMatch(economies::contains))
        .toList();
    List<KnowledgeDocument> onSubject = events.stream()
        .filter(about(subject, d -> d.title() + " " + d.topics() + " " + d.aliases())).toList();
    return (onSubject.isEmpty() ? events : onSubject).stream().limit(MAX_RECURRING).toList();
  }

  private <T> Predicate<T> about(List<String> subject, Function<T, String> text) {
    return item -> !subject.isEmpty() && analyse.apply(text.apply(item)).stream().anyMatch(subject::contains);
  }

  private static String detail(KnowledgeDocument document) {
    String recurrence = document.attributes().getOrDefault("recurrence", "");
    String location = document.attributes().getOrDefault("location", "");
    String both = String.join("; ", List.of(location, recurrence).stream().filter(s -> !s.isBlank()).toList());
    return both.isEmpty() ? "" : ": " + both;
  }
}
