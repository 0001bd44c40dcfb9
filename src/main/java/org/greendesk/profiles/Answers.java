package org.greendesk.profiles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;

/** Reads an SME's answers to {@code /profile}'s questions: economies, lists, sizes. Pure. */
final class Answers {
  /** The size buttons' labels and the value each stands for: the top of its band, which the thresholds compare. */
  static final Map<String, Double> EMPLOYEE_BANDS = Map.of("1-9", 9.0, "10-49", 49.0, "50-249", 249.0, "250+", 250.0);
  static final List<String> EMPLOYEE_LABELS = List.of("1-9", "10-49", "50-249", "250+");
  static final Map<String, Double> TURNOVER_BANDS = Map.of("≤ €2m", 2e6, "≤ €10m", 10e6, "≤ €50m", 50e6,
      "> €50m", 50e6 + 1);
  static final List<String> TURNOVER_LABELS = List.of("≤ €2m", "≤ €10m", "≤ €50m", "> €50m");
  private static final Pattern NUMBER = Pattern.compile("([0-9][0-9,. ]*)\\s*(k|m|million|thousand)?",
      Pattern.CASE_INSENSITIVE);

  private Answers() {}

  /** The economy the name stands for, as documents name it: the one so named when it stands for several. */
  static Optional<String> economy(String name, EconomyLexicon economies) {
    Set<String> found = economies.exactly(name.strip());
    return found.stream().filter(e -> e.equalsIgnoreCase(name.strip())).findFirst()
        .or(() -> found.stream().findFirst());
  }

  /**
   * The economies to offer as buttons: those the knowledge's rules and programmes name as where a company is
   * established (not a forum's group such as APEC), in the lexicon's order. Any other economy can be typed.
   */
  static List<String> economies(KnowledgeBase knowledge) {
    Set<String> named = new HashSet<>();
    for (KnowledgeDocument d : knowledge.documents()) {
      Stream.concat(d.applicability().appliesTo().stream(), d.applicability().eligibility().stream())
          .forEach(clause -> named.addAll(clause.establishedIn()));
    }
    return knowledge.economies().names().stream().filter(named::contains).toList();
  }

  /** A list the SME typed, split at commas, semicolons and line ends. */
  static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split("[,;\\n]")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }

  /** A size: a band's label, or a number as people write it ("45", "2,500,000", "2.5m", "800k"). */
  static Optional<Double> size(String text, Map<String, Double> bands) {
    Double band = bands.get(text.strip());
    if (band != null) {
      return Optional.of(band);
    }
    Matcher m = NUMBER.matcher(text.strip().replace("€", "").replace("EUR", "").strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(m.group(1).replace(",", "").replace(" ", ""));
      String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      return Optional.of(value * (unit.startsWith("m") ? 1e6 : unit.isEmpty() ? 1 : 1e3));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
