package org.greendesk.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.greendesk.knowledge.Applicability.Clause;
import org.greendesk.knowledge.Applicability.Kind;
import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold;
import org.jspecify.annotations.Nullable;

/**
 * One clause of {@code applies_to} against one company: it applies, it is to be checked (a fact is not given, or a
 * condition no profile states), it matters to the company as a supplier abroad, or it does not concern it. Every
 * verdict carries its reason in words. Stateless.
 */
final class ClauseCheck {
  /** From strongest to weakest: when clauses of one rule disagree, the strongest one is reported. */
  enum Outcome { APPLIES, TO_CHECK, SUPPLIER, NONE }

  record Verdict(Outcome outcome, String why, Optional<LocalDate> next) {
    static final Verdict NONE = new Verdict(Outcome.NONE, "", Optional.empty());
  }

  private final Clause clause;
  private final Company company;
  private final List<String> reasons = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();
  private final Set<String> missing = new LinkedHashSet<>();

  private ClauseCheck(Clause clause, Company company) {
    this.clause = clause;
    this.company = company;
  }

  static Verdict check(Clause clause, Company company, LocalDate today) {
    if (clause.kind() == Kind.VOLUNTARY || clause.kind() == Kind.OVERVIEW) {
      return Verdict.NONE;
    }
    return new ClauseCheck(clause, company).verdict(today);
  }

  private Verdict verdict(LocalDate today) {
    Optional<LocalDate> next = clause.nextDeadline(today);
    boolean there = where(clause.establishedIn(), company.home(), "established in ", "you are established in ")
        & where(clause.sellsInto(), company.markets(), "selling in ", "you sell into ");
    if (!subject()) {
      return Verdict.NONE;
    }
    if (!there) {
      return supplier().map(why -> new Verdict(Outcome.SUPPLIER, why, next)).orElse(Verdict.NONE);
    }
    if (!role() || !thresholds(clause.thresholds(), conditions, reasons, missing, company.profile())) {
      return Verdict.NONE;
    }
    if (clause.condition() != null) {
      conditions.add(clause.condition());
    }
    String known = reasons.isEmpty() ? "" : " " + Words.sentence(String.join("; ", reasons));
    String note = clause.note() == null ? "" : " " + clause.note();
    if (clause.kind() == Kind.PLANNED) {
      return new Verdict(Outcome.TO_CHECK, "Planned, not yet in force" + (conditions.isEmpty() ? "." : ": it would "
          + "apply if " + String.join(" and ", conditions) + ".") + known + note, next);
    }
    if (conditions.isEmpty()) {
      return new Verdict(Outcome.APPLIES, Words.sentence(String.join("; ", reasons)) + note, next);
    }
    String notGiven = missing.isEmpty() ? "" : ": " + Words.and(List.copyOf(missing)) + " not given";
    return new Verdict(Outcome.TO_CHECK, "Applies if " + String.join(" and ", conditions) + notGiven + "." + known
        + note, next);
  }

  /** Whether the company is in one of the economies; true, with a condition, when it does not say where it is. */
  private boolean where(List<String> named, Set<String> ours, String reason, String condition) {
    if (named.isEmpty()) {
      return true;
    }
    String found = Company.firstOf(ours, named);
    if (found != null) {
      if (!found.equals("Global")) {
        reasons.add((company.home().contains(found) ? reason : "exporting to ") + Words.the(found));
      }
      return true;
    }
    if (company.home().isEmpty()) {
      conditions.add(condition + Words.or(named.stream().map(Words::the).toList()));
      missing.add("economy");
      return true;
    }
    return false;
  }

  /** Whether what the company makes or does is what the clause concerns. */
  private boolean subject() {
    if (!clause.hasSubject()) {
      return true;
    }
    if (!company.hasSubject()) {
      List<String> keywords = Stream.concat(clause.sectors().stream(), clause.products().stream()).toList();
      conditions.add("you make or sell " + Words.or((keywords.isEmpty()
          ? clause.hsCodes().stream().map(code -> "goods of HS " + code).toList() : keywords).stream().limit(5)
          .toList()));
      missing.add("sector and products");
      return true;
    }
    Optional<Terms.Match> match = Terms.find(Stream.concat(clause.sectors().stream(), clause.products().stream())
        .toList(), company.phrases()).or(() -> Terms.findCode(clause.hsCodes(), company.codes()));
    match.ifPresent(m -> reasons.add("'" + m.phrase() + "' matches '" + m.keyword() + "'"));
    return match.isPresent();
  }

  private boolean role() {
    Set<Role> obliged = clause.obligedRoles();
    if (obliged.isEmpty()) {
      return true;
    }
    Optional<Role> found = company.roles().stream().filter(obliged::contains).findFirst();
    if (found.isPresent()) {
      reasons.add("as " + Words.a(found.get().wire()));
      return true;
    }
    boolean stated = !company.profile().roles().isEmpty();
    // A manufacturer or a shop may import too, so only a stated role rules out importing.
    boolean mayImport = obliged.contains(Role.IMPORTER) && !company.servicesOnly();
    if (stated || (company.rolesKnown() && !mayImport)) {
      return false;
    }
    conditions.add("you are " + Words.or(Words.roles(obliged).stream().map(Words::a).toList()));
    missing.add(company.rolesKnown() ? "whether you import (roles)" : "your role (roles)");
    return true;
  }

  /**
   * Checks the thresholds, adding what holds to {@code reasons}, what cannot be known to {@code conditions} and the
   * facts not given to {@code missing}. Shared with funding eligibility.
   *
   * @return false when one of them is known not to hold
   */
  static boolean thresholds(List<Threshold> thresholds, List<String> conditions, List<String> reasons,
      Set<String> missing, Profile profile) {
    Map<Threshold.Fact, List<String>> held = new LinkedHashMap<>();
    Map<Threshold.Fact, List<String>> unknown = new LinkedHashMap<>();
    for (Threshold threshold : thresholds) {
      Optional<Double> value = profile.fact(threshold.fact());
      if (value.isEmpty()) {
        unknown.computeIfAbsent(threshold.fact(), f -> new ArrayList<>()).add(Words.bound(threshold));
        missing.add(threshold.fact().label() + " (" + threshold.fact().profileKey() + ")");
        continue;
      }
      double actual = value.get();
      boolean near = threshold.approximate() && Math.abs(actual - threshold.limit()) <= 0.15 * threshold.limit();
      if (near) {
        conditions.add(Words.condition(threshold.fact(), List.of(Words.bound(threshold))) + " (yours, "
            + threshold.fact().amount(actual) + ", is close to that limit converted to euros)");
      } else if (threshold.direction().test(actual, threshold.limit())) {
        held.computeIfAbsent(threshold.fact(), f -> new ArrayList<>()).add(Words.bound(threshold));
      } else if (threshold.alternative() != null) {
        conditions.add(threshold.alternative());
      } else {
        return false;
      }
    }
    unknown.forEach((fact, bounds) -> conditions.add(Words.condition(fact, bounds)));
    held.forEach((fact, bounds) -> reasons.add((fact == Threshold.Fact.EMPLOYEES ? "" : fact.label() + " ")
        + fact.amount(profile.fact(fact).orElseThrow()) + " (" + String.join(", ", bounds) + ")"));
    return true;
  }

  /** Why a rule that obliges companies established elsewhere concerns a company that exports there. */
  private Optional<String> supplier() {
    if (!clause.roles().contains(Role.SUPPLIER)) {
      return Optional.empty();
    }
    String market = Company.firstOf(company.exports(), Stream.concat(clause.establishedIn().stream(),
        clause.sellsInto().stream()).toList());
    if (market == null) {
      return Optional.empty();
    }
    Map<Threshold.Fact, List<String>> byFact = new LinkedHashMap<>();
    clause.thresholds().forEach(t -> byFact.computeIfAbsent(t.fact(), f -> new ArrayList<>()).add(Words.bound(t)));
    List<String> limits = byFact.entrySet().stream().map(e -> Words.whose(e.getKey(), e.getValue())).toList();
    String who = (clause.obligedRoles().isEmpty() ? "companies" : Words.and(Words.roles(clause.obligedRoles())
        .stream().map(r -> r + "s").toList())) + " established in " + Words.the(market)
        + (limits.isEmpty() ? "" : " " + Words.and(limits))
        + (clause.condition() == null ? "" : " when " + clause.condition());
    String match = reasons.stream().filter(r -> r.contains(" matches ")).findFirst().map(r -> "; " + r).orElse("");
    @Nullable String note = clause.supplierNote();
    return Optional.of("Not an obligation on you: it falls on " + who + ". You export to " + Words.the(market)
        + match + "." + (note == null ? "" : " " + note));
  }
}
