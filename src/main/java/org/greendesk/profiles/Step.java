package org.greendesk.profiles;

import java.util.Locale;
import java.util.Optional;

/** The questions of {@code /profile}, in the order they are asked. */
public enum Step {
  ECONOMY, SECTOR, PRODUCTS, EXPORTS, EMPLOYEES, TURNOVER, EMISSIONS;

  /** As stored. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The catalogue's question for the step: {@code profile_ask_economy}... */
  String question() {
    return "profile_ask_" + wire();
  }

  /** The step after this one; empty after the last. */
  Optional<Step> next() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }

  static Step fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
