package org.greendesk.follow;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A date that concerns an SME: an event's start, a programme's deadline, a rule's next obligation.
 *
 * @param id stable across reloads (a document id, an event's UID), part of the reminder's once-only key
 * @param url where to read more, or {@code null}
 */
public record DatedItem(String id, String title, LocalDate date, @Nullable String url) {
  public DatedItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(date, "date");
  }
}
