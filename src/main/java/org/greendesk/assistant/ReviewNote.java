package org.greendesk.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.messages.Messages;

/**
 * Tells the SME when the facts of an answer were last checked, when a document it is drawn from is overdue for
 * its check ({@code review_every} or {@code next_review} passed): "Last checked on 3 March 2026; the facts may
 * have changed since.", in the SME's language, with the date as that language writes it. Of several overdue
 * documents, the one checked longest ago gives the date. A document with no {@code reviewed} date has no date to
 * give and adds nothing. Thread safe.
 */
final class ReviewNote {
  private static final String KEY = "last_checked";

  private final Messages messages;
  private final Clock clock;

  ReviewNote(Messages messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** The note for an answer drawn from these documents; empty when none of them is overdue. */
  Optional<String> of(Collection<KnowledgeDocument> documents, String language) {
    LocalDate today = LocalDate.now(clock);
    return documents.stream()
        .filter(d -> d.review().overdue(today))
        .map(KnowledgeDocument::reviewed)
        .filter(Objects::nonNull)
        .min(Comparator.naturalOrder())
        .map(checked -> messages.text(language, KEY, Map.of("date", date(checked, language))));
  }

  /** The text with the note after it, in a paragraph of its own; the text alone when there is no note. */
  String appendTo(String text, Collection<KnowledgeDocument> documents, String language) {
    return of(documents, language).map(note -> text + "\n\n" + note).orElse(text);
  }

  /** The day as the language writes it in full: "3 March 2026", "2026년 3월 3일", "3 Maret 2026". */
  static String date(LocalDate day, String language) {
    Locale locale = language.equals(Messages.ENGLISH) ? Locale.UK : Locale.forLanguageTag(language);
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
  }
}
