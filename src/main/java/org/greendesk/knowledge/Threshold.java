package org.greendesk.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.greendesk.base.WireName;
import org.jspecify.annotations.Nullable;

/**
 * A size limit of a rule or a programme: "annual emissions of at least 25,000 tCO2e", "fewer than 250 employees".
 *
 * @param value the limit, in the fact's own unit, or in {@code unit} for energy
 * @param unit the unit of an energy limit as the document states it; {@code null} for other facts
 * @param stated the limit as the document states it when the value is a conversion ("KRW 1 billion"), or
 *     {@code null}; a converted limit is approximate, so a company close to it is told to check
 * @param alternative another test that can still be met when this one fails ("balance sheet up to €43 million"),
 *     or {@code null}
 */
public record Threshold(Fact fact, Direction direction, double value, @Nullable EnergyUnit unit,
    @Nullable String stated, @Nullable String alternative) {

  public Threshold {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(direction, "direction");
    if (value < 0 || Double.isNaN(value)) {
      throw new IllegalArgumentException("a threshold cannot be negative: " + value);
    }
    if ((unit != null) != (fact == Fact.ENERGY)) {
      throw new IllegalArgumentException("an energy threshold needs a unit, and only it: " + fact);
    }
  }

  /** The limit in the unit a profile states the fact in (MWh for energy). */
  public double limit() {
    return unit == null ? value : value * unit.mwh();
  }

  /** True when the limit was converted from another currency or unit, so that near it the answer is uncertain. */
  public boolean approximate() {
    return stated != null || (unit != null && unit.approximate());
  }

  /** What a company can state about itself, and the name of the fact in front matter and in profiles. */
  public enum Fact {
    EMPLOYEES("employees", "employees", "employees", ""),
    TURNOVER_EUR("turnover_eur", "turnover_eur", "annual turnover", "€"),
    ANNUAL_EMISSIONS_TCO2E("annual_emissions_tco2e", "annual_emissions_tco2e", "annual emissions", " tCO2e"),
    ENERGY("energy", "annual_energy_mwh", "annual energy use", " MWh"),
    IMPORTS_TONNES("imports_tonnes", "imports_tonnes", "annual imports of the goods covered", " t");

    private final String wire;
    private final String profileKey;
    private final String label;
    private final String unit;

    Fact(String wire, String profileKey, String label, String unit) {
      this.wire = wire;
      this.profileKey = profileKey;
      this.label = label;
      this.unit = unit;
    }

    public String wire() {
      return wire;
    }

    /** The key of the fact in a profile line of {@code check}. */
    public String profileKey() {
      return profileKey;
    }

    /** How the fact is named to a person ("annual emissions"). */
    public String label() {
      return label;
    }

    /** An amount of the fact as a person reads it: "€50,000,000", "25,000 tCO2e", "40 employees". */
    public String amount(double value) {
      String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
          : String.format(Locale.ROOT, "%,.1f", value);
      return this == EMPLOYEES ? number + " employees" : unit.equals("€") ? "€" + number : number + unit;
    }

    public static Optional<Fact> of(String wire) {
      return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
    }
  }

  /** Which side of the limit the rule or the programme concerns. */
  public enum Direction {
    AT_LEAST("at_least", "at least"), ABOVE("above", "more than"), BELOW("below", "less than"),
    AT_MOST("at_most", "at most");

    private final String wire;
    private final String words;

    Direction(String wire, String words) {
      this.wire = wire;
      this.words = words;
    }

    public String wire() {
      return wire;
    }

    public String words() {
      return words;
    }

    public boolean test(double actual, double limit) {
      return switch (this) {
        case AT_LEAST -> actual >= limit;
        case ABOVE -> actual > limit;
        case BELOW -> actual < limit;
        case AT_MOST -> actual <= limit;
      };
    }

    public static Optional<Direction> of(String wire) {
      return Arrays.stream(values()).filter(d -> d.wire.equals(wire)).findFirst();
    }
  }

  /** Units in which documents state energy limits, with their worth in MWh. */
  public enum EnergyUnit implements WireName {
    MWH(1, false), KWH(0.001, false), GJ(1 / 3.6, false), TJ(1000 / 3.6, false), TOE(11.63, false),
    // Japan counts kilolitres of crude oil equivalent (38.76 GJ/kL) and weighs electricity as primary energy: a
    // conversion to MWh used is only approximate.
    KL_OE(38.76 / 3.6, true);

    private final double mwh;
    private final boolean approximate;

    EnergyUnit(double mwh, boolean approximate) {
      this.mwh = mwh;
      this.approximate = approximate;
    }

    public double mwh() {
      return mwh;
    }

    boolean approximate() {
      return approximate;
    }

    /** How the unit is written in a sentence ("toe", "kL of crude oil equivalent"). */
    public String words() {
      return switch (this) {
        case MWH -> "MWh";
        case KWH -> "kWh";
        case GJ -> "GJ";
        case TJ -> "TJ";
        case TOE -> "toe";
        case KL_OE -> "kL of crude oil equivalent";
      };
    }

    public static Optional<EnergyUnit> of(String wire) {
      return Arrays.stream(values()).filter(u -> u.wire().equals(wire)).findFirst();
    }
  }
}
