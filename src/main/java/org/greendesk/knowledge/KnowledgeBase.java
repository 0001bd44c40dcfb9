package org.greendesk.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fully loaded and validated knowledge folder. Immutable: a reload makes a new one, so a reader never sees a
 * half-loaded base.
 *
 * @param documents in a stable order (by file path)
 * @param calendar the dated events of the folder's {@code *.ics} files
 * @param contentHash changes whenever any document, calendar or the folder's settings change
 */
public record KnowledgeBase(
    List<KnowledgeDocument> documents, EconomyLexicon economies, EventCalendar calendar, String contentHash) {

  public KnowledgeBase {
    documents = List.copyOf(documents);
    Objects.requireNonNull(economies, "economies");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  public Optional<KnowledgeDocument> document(String id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** Documents by id, in the base's order. */
  public Map<String, KnowledgeDocument> byId() {
    Map<String, KnowledgeDocument> map = new LinkedHashMap<>();
    documents.forEach(d -> map.put(d.id(), d));
    return map;
  }
}
