package org.greendesk.knowledge;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When and by whom a document's facts were checked, and when they must be checked again.
 *
 * @param reviewed the day the facts were last checked against the sources, or {@code null} when unknown
 * @param everyDays days between checks ({@code review_every}), or {@code null}
 * @param nextReview the next check's date when set outright ({@code next_review}), or {@code null}
 * @param unconfirmed what could not be confirmed in a public source ({@code verification: unconfirmed}), or
 *     {@code null} when everything was
 */
public record Review(@Nullable LocalDate reviewed, @Nullable String reviewedBy, @Nullable Integer everyDays,
    @Nullable LocalDate nextReview, @Nullable String unconfirmed) {

  public static final Review UNKNOWN = new Review(null, null, null, null, null);

  /** The day the next check is due: {@code next_review}, else {@code reviewed} plus {@code review_every}. */
  public Optional<LocalDate> due() {
    if (nextReview != null) {
      return Optional.of(nextReview);
    }
    return reviewed == null || everyDays == null ? Optional.empty() : Optional.of(reviewed.plusDays(everyDays));
  }

  /** True when the check was due before {@code today}. */
  public boolean overdue(LocalDate today) {
    return due().map(today::isAfter).orElse(false);
  }
}
