package org.greendesk.stats;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the desk did over a period.
 *
 * @param questions questions the bot answered or tried to (one per bot reply)
 * @param answered of those, answered by the bot on its own (no person offered or called)
 * @param offered of those, answered with a person offered (a weak match, or nothing found)
 * @param routed escalations opened in the period: conversations handed to a person
 * @param helpful "helpful" presses on answers in the period; {@code notHelpful} likewise
 * @param ratings the SMEs' 1-5 ratings of escalations closed in the period; {@code averageRating} is theirs
 * @param medianToClaim from opening to the first claim, over the period's escalations claimed so far
 * @param medianToResolve from opening to resolution, over the period's escalations resolved so far
 */
public record DeskFigures(Period period, int questions, int answered, int offered, int routed, int helpful,
    int notHelpful, int ratings, @Nullable Double averageRating, @Nullable Duration medianToClaim,
    @Nullable Duration medianToResolve) {

  public DeskFigures {
    Objects.requireNonNull(period, "period");
  }

  public Optional<Duration> toClaim() {
    return Optional.ofNullable(medianToClaim);
  }

  public Optional<Duration> toResolve() {
    return Optional.ofNullable(medianToResolve);
  }

  public Optional<Double> rating() {
    return Optional.ofNullable(averageRating);
  }
}
