package org.greendesk.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A span of time the figures cover: from (inclusive) to (exclusive).
 *
 * @param name how it was asked for: {@code today}, {@code 7d}, {@code 30d}
 */
public record Period(String name, Instant from, Instant to) {
  public static final String USAGE = "`today`, `7d` or `30d`";

  public Period {
    Objects.requireNonNull(name, "name");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a period must start before it ends: " + from + " to " + to);
    }
  }

  /**
   * {@code today} (since midnight in the clock's zone), {@code Nd} (the last N days, 1 to 366); blank means
   * {@code 7d}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Period parse(String text, Clock clock) {
    String name = text.isBlank() ? "7d" : text.strip().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    if (name.equals("today")) {
      return new Period(name, LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant(), now.plusMillis(1));
    }
    if (name.matches("[0-9]{1,3}d")) {
      int days = Integer.parseInt(name.substring(0, name.length() - 1));
      if (days >= 1 && days <= 366) {
        return new Period(name, now.minus(days, ChronoUnit.DAYS), now.plusMillis(1));
      }
    }
    throw new IllegalArgumentException("a period is " + USAGE + ", not '" + text.strip() + "'");
  }

  /** For a heading: "the last 7 days", "today". */
  public String describe() {
    return name.equals("today") ? "today" : name.equals("1d") ? "the last day"
        : "the last " + name.substring(0, name.length() - 1) + " days";
  }
}
