package org.greendesk.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.greendesk.knowledge.Applicability.Clause;
import org.greendesk.knowledge.Applicability.Deadline;
import org.greendesk.knowledge.Applicability.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a document's {@code applies_to} and {@code eligible} front matter. Every problem is added with
 * the file and the line where it is written, like the loader's other front-matter problems; what is wrong is left
 * out of the result, which the loader then discards.
 */
final class ApplicabilityReader {
  static final Set<String> KEYS = Set.of("applies_to", "eligible");
  private static final String GLOBAL = "Global";
  private static final Set<String> CLAUSE_KEYS = Set.of("kind", "established_in", "sells_into", "sectors",
      "products", "hs_chapters", "roles", "thresholds", "condition", "deadlines", "note", "supplier_note");
  private static final Set<String> ELIGIBLE_KEYS = Set.of("economies", "sectors", "products", "hs_chapters",
      "thresholds", "condition", "deadlines", "note", "purposes");
  private static final Set<String> THRESHOLD_KEYS = Set.of("fact", "at_least", "above", "below", "at_most", "unit",
      "stated", "or");
  private static final Set<String> DEADLINE_KEYS = Set.of("date", "what", "yearly");
  private static final Pattern HS_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}");

  private final FrontMatter front;
  private final Set<String> economies;
  private @Nullable YamlLines lines;

  private ApplicabilityReader(FrontMatter front, Set<String> economies) {
    this.front = front;
    this.economies = economies;
  }

  /**
   * @param economies the economy names the folder knows (its {@code knowledge.yaml}); empty accepts any name
   */
  static Applicability read(FrontMatter front, Set<String> economies) {
    ApplicabilityReader reader = new ApplicabilityReader(front, economies);
    return new Applicability(reader.appliesTo(front.meta().get("applies_to")),
        reader.eligible(front.meta().get("eligible")));
  }

  private List<Clause> appliesTo(@Nullable JsonNode node) {
    List<Clause> clauses = new ArrayList<>();
    if (node == null || node.isNull()) {
      return clauses;
    }
    if (node.isObject()) {
      clauses.add(clause(node, "/applies_to", CLAUSE_KEYS));
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isObject()) {
          clauses.add(clause(node.get(i), "/applies_to/" + i, CLAUSE_KEYS));
        } else {
          problem("/applies_to/" + i, "each clause of applies_to must be a mapping of conditions");
        }
      }
    } else {
      problem("/applies_to", "applies_to must be a mapping of conditions, or a list of such mappings");
    }
    return clauses;
  }

  private @Nullable Clause eligible(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problem("/eligible", "eligible must be a mapping of conditions");
      return null;
    }
    return clause(node, "/eligible", ELIGIBLE_KEYS);
  }

  private Clause clause(JsonNode node, String at, Set<String> known) {
    unknownKeys(node, at, known);
    boolean eligibility = known == ELIGIBLE_KEYS;
    return new Clause(kind(node.get("kind"), at + "/kind"),
        economies(node, at, eligibility ? "economies" : "established_in"), economies(node, at, "sells_into"),
        strings(node, at, "sectors"), strings(node, at, "products"), hsCodes(node, at), roles(node, at),
        thresholds(node, at), text(node, at, "condition"), deadlines(node, at), text(node, at, "note"),
        text(node, at, "supplier_note"), strings(node, at, "purposes"));
  }

  private Kind kind(@Nullable JsonNode node, String at) {
    if (node == null) {
      return Kind.OBLIGATION;
    }
    return Kind.of(node.asText()).orElseGet(() -> {
      problem(at, name(at) + " must be obligation, planned, voluntary or overview: " + node.asText());
      return Kind.OBLIGATION;
    });
  }

  private List<String> economies(JsonNode node, String at, String key) {
    List<String> names = strings(node, at, key);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!economies.isEmpty() && !economies.contains(name) && !name.equals(GLOBAL)) {
        problem(at + "/" + key + "/" + i, "unknown economy '" + name + "' in " + name(at + "/" + key)
            + " (known: Global, " + String.join(", ", new TreeSet<>(economies)) + ")");
      }
    }
    return names;
  }

  private List<String> hsCodes(JsonNode node, String at) {
    List<String> codes = strings(node, at, "hs_chapters");
    for (int i = 0; i < codes.size(); i++) {
      if (!HS_CODE.matcher(codes.get(i)).matches()) {
        problem(at + "/hs_chapters/" + i, name(at + "/hs_chapters") + " holds HS chapters or headings of 2, 4 or 6"
            + " digits, quoted when they start with 0: " + codes.get(i));
      }
    }
    return codes;
  }

  private Set<Role> roles(JsonNode node, String at) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> names = strings(node, at, "roles");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String item = at + "/roles/" + i;
      Role.of(name).ifPresentOrElse(roles::add, () -> problem(item, "unknown role '" + name + "' in "
          + name(at + "/roles") + " (known: " + String.join(", ", EnumSet.allOf(Role.class).stream().map(Role::wire)
          .toList()) + ")"));
    }
    return roles;
  }

  private List<Threshold> thresholds(JsonNode node, String at) {
    List<Threshold> thresholds = new ArrayList<>();
    JsonNode list = node.get("thresholds");
    if (list == null || list.isNull()) {
      return thresholds;
    }
    if (!list.isArray()) {
      problem(at + "/thresholds", name(at + "/thresholds") + " must be a list of {fact, at_least|above|below|at_most}");
      return thresholds;
    }
    for (int i = 0; i < list.size(); i++) {
      threshold(list.get(i), at + "/thresholds/" + i).ifPresent(thresholds::add);
    }
    return thresholds;
  }

  private Optional<Threshold> threshold(JsonNode node, String at) {
    if (!node.isObject()) {
      problem(at, name(at) + " must be a mapping {fact, at_least|above|below|at_most}");
      return Optional.empty();
    }
    int before = front.problems().size();
    unknownKeys(node, at, THRESHOLD_KEYS);
    String factName = node.path("fact").asText("");
    Threshold.Fact fact = Threshold.Fact.of(factName).orElse(null);
    if (fact == null) {
      problem(at + "/fact", "unknown fact '" + factName + "' in " + name(at) + " (known: employees, turnover_eur,"
          + " annual_emissions_tco2e, energy, imports_tonnes)");
    }
    List<Threshold.Direction> directions = Arrays.stream(Threshold.Direction.values())
        .filter(d -> node.has(d.wire())).toList();
    if (directions.size() != 1) {
      problem(at, name(at) + " needs exactly one of at_least, above, below, at_most");
    } else if (!node.get(directions.get(0).wire()).isNumber() || node.get(directions.get(0).wire()).asDouble() < 0) {
      problem(at + "/" + directions.get(0).wire(), name(at + "/" + directions.get(0).wire())
          + " must be a number of 0 or more: " + node.get(directions.get(0).wire()).asText());
    }
    Threshold.EnergyUnit unit = null;
    String unitName = text(node, at, "unit");
    if (fact == Threshold.Fact.ENERGY) {
      unit = unitName == null ? null : Threshold.EnergyUnit.of(unitName).orElse(null);
      if (unit == null) {
        problem(at + "/unit", name(at) + " needs the unit of its energy: mwh, kwh, gj, tj, toe or kl_oe");
      }
    } else if (unitName != null) {
      problem(at + "/unit", name(at) + ": only an energy threshold has a unit");
    }
    if (front.problems().size() > before || fact == null) {
      return Optional.empty();
    }
    Threshold.Direction direction = directions.get(0);
    return Optional.of(new Threshold(fact, direction, node.get(direction.wire()).asDouble(), unit,
        text(node, at, "stated"), text(node, at, "or")));
  }

  private List<Deadline> deadlines(JsonNode node, String at) {
    List<Deadline> deadlines = new ArrayList<>();
    JsonNode list = node.get("deadlines");
    if (list == null || list.isNull()) {
      return deadlines;
    }
    for (int i = 0; i < (list.isArray() ? list.size() : 0); i++) {
      String item = at + "/deadlines/" + i;
      JsonNode deadline = list.get(i);
      unknownKeys(deadline, item, DEADLINE_KEYS);
      String what = text(deadline, item, "what");
      try {
        LocalDate date = LocalDate.parse(deadline.path("date").asText(""));
        if (what == null) {
          problem(item, name(item) + " needs 'what': the obligation due on that date");
        } else {
          deadlines.add(new Deadline(date, deadline.path("yearly").asBoolean(false), what));
        }
      } catch (DateTimeParseException e) {
        problem(item + "/date", name(item) + " needs a date YYYY-MM-DD: " + deadline.path("date").asText(""));
      }
    }
    if (!list.isArray()) {
      problem(at + "/deadlines", name(at + "/deadlines") + " must be a list of {date, what, yearly}");
    }
    return deadlines;
  }

  private List<String> strings(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value != null && !value.isNull() && !value.isArray() && !value.isValueNode()) {
      problem(at + "/" + key, name(at + "/" + key) + " must be a list of words");
      return List.of();
    }
    return DocumentParser.strings(value);
  }

  private @Nullable String text(JsonNode node, String at, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problem(at + "/" + key, name(at + "/" + key) + " must be a sentence");
      return null;
    }
    return value.asText().strip();
  }

  private void unknownKeys(JsonNode node, String at, Set<String> known) {
    node.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        problem(at + "/" + key, "unknown key '" + key + "' in " + name(at) + " (known: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    });
  }

  private void problem(String pointer, String message) {
    if (lines == null) {
      lines = YamlLines.of(front.bytes());
    }
    front.problems().add(new KnowledgeProblem(front.file(), lines.line(pointer), message));
  }

  /** A pointer as a person reads it: "/applies_to/0/thresholds/1" is "applies_to[0].thresholds[1]". */
  private static String name(String pointer) {
    return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
  }
}
