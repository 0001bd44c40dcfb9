package org.greendesk.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What concerns one SME.
 *
 * @param applies the rules that apply on the facts given, in the knowledge base's order
 * @param toCheck the rules that may apply depending on facts not given, then those that matter to it as a supplier
 *     abroad; each explanation names the missing fact or the condition
 * @param funding the programmes it may be eligible for
 * @param events dated events to come for its economy, soonest first, never past ones
 */
public record CheckResult(@Nullable String id, List<Finding> applies, List<Finding> toCheck, List<Finding> funding,
    List<Finding> events) {

  public CheckResult {
    applies = List.copyOf(applies);
    toCheck = List.copyOf(toCheck);
    funding = List.copyOf(funding);
    events = List.copyOf(events);
  }

  /**
   * One document or event and why it concerns the SME.
   *
   * @param nextDate the next dated obligation, deadline or start on or after the day checked, or {@code null}
   */
  public record Finding(String id, String title, String why, @Nullable LocalDate nextDate) {
    public Finding {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(why, "why");
    }
  }
}
