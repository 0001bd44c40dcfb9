package org.greendesk.profile;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold;

/** The small pieces of English the explanations are made of. */
final class Words {
  // Economy names read with "the" in a sentence.
  private static final Set<String> WITH_THE = Set.of("EU", "Philippines", "Netherlands", "United States");

  private Words() {}

  static String the(String economy) {
    return WITH_THE.contains(economy) ? "the " + economy : economy;
  }

  static String a(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  static String and(List<String> items) {
    return join(items, "and");
  }

  static String or(List<String> items) {
    return join(items, "or");
  }

  private static String join(List<String> items, String last) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
  }

  /** The roles' names in their declared order ("manufacturer", "importer"). */
  static List<String> roles(Collection<Role> roles) {
    return roles.stream().sorted().map(Role::wire).toList();
  }

  /** A text as a sentence: capital first letter, final full stop. */
  static String sentence(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String capital = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    return capital.endsWith(".") ? capital : capital + ".";
  }

  /** Limits on one fact as a condition: "your annual emissions are at least 25,000 tCO2e", "you have more than 20 employees". */
  static String condition(Threshold.Fact fact, List<String> bounds) {
    if (fact == Threshold.Fact.EMPLOYEES) {
      return "you have " + and(bounds).replace("less than", "fewer than");
    }
    return "your " + fact.label() + (plural(fact) ? " are " : " is ") + and(bounds);
  }

  /** Limits on one fact describing whom a rule obliges: "with more than 5,000 employees", "whose annual ... is". */
  static String whose(Threshold.Fact fact, List<String> bounds) {
    if (fact == Threshold.Fact.EMPLOYEES) {
      return "with " + and(bounds).replace("less than", "fewer than");
    }
    return "whose " + fact.label() + (plural(fact) ? " are " : " is ") + and(bounds);
  }

  private static boolean plural(Threshold.Fact fact) {
    return fact == Threshold.Fact.ANNUAL_EMISSIONS_TCO2E || fact == Threshold.Fact.IMPORTS_TONNES;
  }

  /** A threshold's side and amount as the document states it: "at least 2,000 toe", "at least KRW 1 billion". */
  static String bound(Threshold threshold) {
    String amount;
    if (threshold.stated() != null) {
      amount = threshold.stated() + " (about " + threshold.fact().amount(threshold.limit()) + ")";
    } else if (threshold.unit() != null) {
      amount = String.format(Locale.ROOT, "%,.0f %s", threshold.value(), threshold.unit().words());
    } else {
      amount = threshold.fact().amount(threshold.value());
    }
    return threshold.direction().words() + " " + amount;
  }
}
