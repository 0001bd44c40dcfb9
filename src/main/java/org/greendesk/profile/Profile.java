package org.greendesk.profile;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold.Fact;
import org.jspecify.annotations.Nullable;

/**
 * What an SME says about itself. Every field but the id may be missing: a rule that depends on a missing fact is
 * something to check, never a rule that applies.
 *
 * @param economy where it is established, as a person names it ("Korea", "Viet Nam", "Germany")
 * @param sector what it does, in its own words ("steel parts manufacturing")
 * @param products what it makes or sells, in words or as HS codes ("steel screws", "HS 7318")
 * @param exportsTo the markets it sells into besides its own
 * @param facts its sizes: employees, turnover in euros, annual emissions, energy use (MWh), imports (t)
 * @param roles its roles when it states them; empty to have them read from its sector
 */
public record Profile(@Nullable String id, @Nullable String economy, @Nullable String sector, List<String> products,
    List<String> exportsTo, Map<Fact, Double> facts, Set<Role> roles) {

  public Profile {
    products = List.copyOf(products);
    exportsTo = List.copyOf(exportsTo);
    facts.forEach((fact, value) -> {
      if (value == null || value < 0 || value.isNaN()) {
        throw new IllegalArgumentException(fact.profileKey() + " must be a number of 0 or more: " + value);
      }
    });
    facts = facts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(facts));
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** A profile that states only where the company is established and what it does. */
  public static Profile of(String economy, String sector, List<String> products) {
    return new Profile(null, economy, sector, products, List.of(), Map.of(), Set.of());
  }

  public Profile withExportsTo(List<String> markets) {
    return new Profile(id, economy, sector, products, markets, facts, roles);
  }

  public Profile withFact(Fact fact, double value) {
    Map<Fact, Double> more = new EnumMap<>(Fact.class);
    more.putAll(facts);
    more.put(fact, value);
    return new Profile(id, economy, sector, products, exportsTo, more, roles);
  }

  public Profile withRoles(Set<Role> stated) {
    return new Profile(id, economy, sector, products, exportsTo, facts, stated);
  }

  public Optional<Double> fact(Fact fact) {
    return Optional.ofNullable(facts.get(fact));
  }
}
