package org.greendesk.assistant;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document an answer rests on.
 *
 * @param url the official source, or {@code null} when the document names none
 * @param reviewed when its facts were last checked, or {@code null} when unknown
 * @param score retrieval score in 0..1
 */
public record Source(String id, String title, @Nullable String url, @Nullable LocalDate reviewed, double score) {

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }
}
