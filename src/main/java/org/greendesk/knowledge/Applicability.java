package org.greendesk.knowledge;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.greendesk.base.WireName;
import org.jspecify.annotations.Nullable;

/**
 * Whom a document concerns, read from its front matter: {@code applies_to} on a rule (one clause, or a list of
 * clauses of which any may hit a company) and {@code eligible} on a funding programme. Empty for a document that
 * states neither, as in a knowledge folder of another domain.
 */
public record Applicability(List<Clause> appliesTo, @Nullable Clause eligible) {
  public static final Applicability NONE = new Applicability(List.of(), null);

  public Applicability {
    appliesTo = List.copyOf(appliesTo);
  }

  public Optional<Clause> eligibility() {
    return Optional.ofNullable(eligible);
  }

  /** Whether a clause is an obligation, or says why it never is one. */
  public enum Kind implements WireName {
    /** In force or adopted: the clause can apply. */
    OBLIGATION,
    /** Announced or in a bill, not yet law: at most something to check. */
    PLANNED,
    /** A label, standard or market a company may choose to join. */
    VOLUNTARY,
    /** A summary of other rules, such as a package amending them; the rules themselves are the documents to list. */
    OVERVIEW;

    public static Optional<Kind> of(String wire) {
      return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
  }

  /**
   * One way a rule hits a company, or the eligibility of a programme. Every condition that is set must hold; an
   * empty list sets none.
   *
   * @param establishedIn economies where the company must be established (for {@code eligible}: its
   *     {@code economies}), as named in {@code knowledge.yaml}; "Global" for anywhere
   * @param sellsInto markets the company must sell into; its own economy counts as one
   * @param sectors keywords of the sectors concerned, matched against the company's sector and products
   * @param products keywords of the products concerned, matched the same way
   * @param hsCodes HS or CN chapters or headings (2 to 6 digits) of the goods concerned
   * @param roles the roles that carry the obligation, and {@link Role#SUPPLIER} when it also matters to suppliers
   *     abroad; empty when any company established there is concerned
   * @param condition a fact no profile states ("you are listed on the Prime Market"), so that the clause is at most
   *     something to check, or {@code null}
   * @param note a sentence added to the explanation, or {@code null}
   * @param supplierNote what a supplier abroad should expect to be asked for, or {@code null}
   * @param purposes what a programme funds, for {@code eligible}
   */
  public record Clause(Kind kind, List<String> establishedIn, List<String> sellsInto, List<String> sectors,
      List<String> products, List<String> hsCodes, Set<Role> roles, List<Threshold> thresholds,
      @Nullable String condition, List<Deadline> deadlines, @Nullable String note, @Nullable String supplierNote,
      List<String> purposes) {

    public Clause {
      Objects.requireNonNull(kind, "kind");
      establishedIn = List.copyOf(establishedIn);
      sellsInto = List.copyOf(sellsInto);
      sectors = List.copyOf(sectors);
      products = List.copyOf(products);
      hsCodes = List.copyOf(hsCodes);
      roles = Set.copyOf(roles);
      thresholds = List.copyOf(thresholds);
      deadlines = List.copyOf(deadlines);
      purposes = List.copyOf(purposes);
    }

    /** True when the clause names what a company makes, sells or does. */
    public boolean hasSubject() {
      return !sectors.isEmpty() || !products.isEmpty() || !hsCodes.isEmpty();
    }

    /** The roles that carry the obligation: {@link #roles} without {@link Role#SUPPLIER}. */
    public Set<Role> obligedRoles() {
      return roles.stream().filter(r -> r != Role.SUPPLIER).collect(Collectors.toUnmodifiableSet());
    }

    /** The first of its deadlines on or after {@code today}. */
    public Optional<LocalDate> nextDeadline(LocalDate today) {
      return deadlines.stream().map(d -> d.next(today)).flatMap(Optional::stream).min(LocalDate::compareTo);
    }
  }

  /**
   * A dated obligation: "first annual CBAM declaration due 2027-09-30".
   *
   * @param yearly the date comes back every year after {@code date}
   */
  public record Deadline(LocalDate date, boolean yearly, String what) {
    public Deadline {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(what, "what");
    }

    /** Its next occurrence on or after {@code today}, or empty once a one-off date has passed. */
    public Optional<LocalDate> next(LocalDate today) {
      if (!date.isBefore(today)) {
        return Optional.of(date);
      }
      if (!yearly) {
        return Optional.empty();
      }
      int years = today.getYear() - date.getYear();
      LocalDate next = date.plusYears(years);
      return Optional.of(next.isBefore(today) ? date.plusYears(years + 1L) : next);
    }
  }
}
