package org.greendesk.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.Role;
import org.jspecify.annotations.Nullable;

/**
 * A profile read against the knowledge folder: its economies with the groups they belong to, its markets, its roles
 * and the phrases its sector and products are matched in.
 *
 * @param home the economies it is established in ("Germany" is Germany and the EU), with their groups; empty when
 *     not given
 * @param markets the markets it sells into, its own included, with their groups
 * @param exports the markets it exports to, with their groups, its own left out
 * @param roles its roles, stated or read from its sector
 * @param rolesKnown false when nothing says what it does, so that a role a rule needs is to be checked
 */
record Company(Profile profile, Set<String> home, Set<String> markets, Set<String> exports, Set<Role> roles,
    boolean rolesKnown, List<String> phrases, List<String> codes) {

  // The words of a sector that say what a company does; a rule's words are in the documents, these are about
  // companies in general.
  private static final Map<Role, List<String>> ROLE_WORDS = Map.of(
      Role.RETAILER, List.of("retail", "retailer", "shop", "store", "supermarket", "e-commerce", "grocery"),
      Role.DISTRIBUTOR, List.of("wholesale", "wholesaler", "distribution", "distributor", "trading", "trader",
          "dealer", "reseller"),
      Role.IMPORTER, List.of("import", "importer", "importing", "trading"),
      Role.MANUFACTURER, List.of("manufacturing", "manufacturer", "maker", "making", "factory", "production",
          "fabrication", "assembly", "processing", "mill", "milling", "foundry", "forging", "casting", "machining",
          "workshop", "refinery", "plant", "roasting", "brewery", "bakery", "winery", "smelter"),
      Role.PRODUCER, List.of("generation", "power", "farm", "farming", "plantation", "grower", "mining", "miner",
          "fishery"),
      Role.SERVICE, List.of("service", "consulting", "consultancy", "software", "bank", "banking", "insurance",
          "hotel", "restaurant", "outsourcing", "logistics"));

  /** @throws IllegalArgumentException naming an economy the knowledge folder does not know */
  static Company of(Profile profile, EconomyLexicon economies) {
    Set<String> own = profile.economy() == null ? Set.of() : resolve(profile.economy(), economies);
    Set<String> home = withGroups(own, economies);
    Set<String> exports = new LinkedHashSet<>();
    for (String market : profile.exportsTo()) {
      exports.addAll(withGroups(resolve(market, economies), economies));
    }
    exports.removeAll(own);
    Set<String> markets = new LinkedHashSet<>(home);
    markets.addAll(exports);
    List<String> phrases = new ArrayList<>();
    if (profile.sector() != null && !profile.sector().isBlank()) {
      phrases.add(profile.sector());
    }
    phrases.addAll(profile.products());
    Set<Role> roles = profile.roles().isEmpty() ? fromSector(profile) : EnumSet.copyOf(profile.roles());
    boolean known = !profile.roles().isEmpty() || !roles.isEmpty();
    if (!exports.isEmpty()) {
      roles.add(Role.EXPORTER);
    }
    return new Company(profile, Collections.unmodifiableSet(home), Collections.unmodifiableSet(markets),
        Collections.unmodifiableSet(exports), Collections.unmodifiableSet(roles), known, List.copyOf(phrases),
        Terms.codes(profile.products()));
  }

  /** Only services: a company that neither makes, imports nor sells goods. */
  boolean servicesOnly() {
    return roles.contains(Role.SERVICE) && roles.stream().allMatch(r -> r == Role.SERVICE || r == Role.EXPORTER);
  }

  boolean hasSubject() {
    return !phrases.isEmpty();
  }

  /** The roles its sector names; a company that lists products and names no role is taken to make them. */
  private static Set<Role> fromSector(Profile profile) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> words = profile.sector() == null ? List.of() : Terms.words(profile.sector());
    ROLE_WORDS.forEach((role, names) -> {
      if (names.stream().map(Terms::words).anyMatch(name -> Collections.indexOfSubList(words, name) >= 0)) {
        roles.add(role);
      }
    });
    if (roles.isEmpty() && !profile.products().isEmpty()) {
      roles.add(Role.MANUFACTURER);
    }
    return roles;
  }

  private static Set<String> resolve(String name, EconomyLexicon economies) {
    Set<String> found = economies.exactly(name);
    if (found.isEmpty()) {
      throw new IllegalArgumentException("unknown economy '" + name + "' (known: "
          + String.join(", ", economies.names()) + ", or a member state of the EU by name)");
    }
    return found;
  }

  private static Set<String> withGroups(Collection<String> economies, EconomyLexicon lexicon) {
    Set<String> all = new LinkedHashSet<>();
    economies.forEach(e -> all.addAll(lexicon.memberships(e)));
    return all;
  }

  /** The first of its economies among those named, for an explanation ("the EU"). */
  static @Nullable String firstOf(Set<String> ours, List<String> named) {
    return named.stream().filter(n -> n.equals("Global") || ours.contains(n)).findFirst().orElse(null);
  }
}
