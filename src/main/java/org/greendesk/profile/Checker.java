package org.greendesk.profile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.greendesk.knowledge.Applicability.Clause;
import org.greendesk.knowledge.CalendarEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.profile.CheckResult.Finding;
import org.greendesk.profile.ClauseCheck.Outcome;
import org.greendesk.profile.ClauseCheck.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * "What applies to me?": the rules, funding and events of one knowledge base that concern an SME's profile. Reads
 * only the documents' {@code applies_to} and {@code eligible} front matter and the calendar. Immutable and thread
 * safe.
 */
public final class Checker {
  private final KnowledgeBase base;

  public Checker(KnowledgeBase base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * @param today the day the check is made: deadlines and events before it are left out
   * @throws IllegalArgumentException when the profile names an economy the knowledge base does not know
   */
  public CheckResult check(Profile profile, LocalDate today) {
    Company company = Company.of(profile, base.economies());
    List<Finding> applies = new ArrayList<>();
    List<Finding> toCheck = new ArrayList<>();
    List<Finding> asSupplier = new ArrayList<>();
    List<Finding> funding = new ArrayList<>();
    for (KnowledgeDocument document : base.documents()) {
      strongest(document.applicability().appliesTo(), company, today).ifPresent(verdict -> {
        Finding finding = finding(document, verdict.why(), verdict.next().orElse(null));
        (verdict.outcome() == Outcome.APPLIES ? applies : verdict.outcome() == Outcome.TO_CHECK ? toCheck
            : asSupplier).add(finding);
      });
      document.applicability().eligibility()
          .flatMap(eligible -> Eligibility.why(eligible, company))
          .ifPresent(why -> funding.add(finding(document, why, deadline(document, today).orElse(null))));
    }
    toCheck.addAll(asSupplier);
    return new CheckResult(profile.id(), applies, toCheck, funding, events(company, today));
  }

  /** The verdict of the strongest clause, with the reasons of every clause that reached it. */
  private static Optional<Verdict> strongest(List<Clause> clauses, Company company, LocalDate today) {
    List<Verdict> verdicts = clauses.stream().map(c -> ClauseCheck.check(c, company, today))
        .filter(v -> v.outcome() != Outcome.NONE).toList();
    return verdicts.stream().map(Verdict::outcome).min(Comparator.naturalOrder()).map(best -> {
      List<Verdict> same = verdicts.stream().filter(v -> v.outcome() == best).toList();
      String why = String.join(" Also: ", same.stream().map(Verdict::why).distinct().toList());
      Optional<LocalDate> next = same.stream().map(Verdict::next).flatMap(Optional::stream)
          .min(Comparator.naturalOrder());
      return new Verdict(best, why, next);
    });
  }

  /** A programme's next deadline: its front matter's {@code deadline} or one of its eligibility's deadlines. */
  private static Optional<LocalDate> deadline(KnowledgeDocument document, LocalDate today) {
    Optional<LocalDate> fixed = Optional.ofNullable(document.attributes().get("deadline")).flatMap(text -> {
      try {
        return Optional.of(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }).filter(day -> !day.isBefore(today));
    Optional<LocalDate> listed = document.applicability().eligibility().flatMap(e -> e.nextDeadline(today));
    return Stream.of(fixed, listed).flatMap(Optional::stream).min(Comparator.naturalOrder());
  }

  /** Dated events not yet over for the company's economy, its groups or everyone; only the last when it names none. */
  private List<Finding> events(Company company, LocalDate today) {
    Set<String> economies = new LinkedHashSet<>(company.home());
    economies.add("Global");
    List<Finding> events = new ArrayList<>();
    for (CalendarEvent event : base.calendar().upcoming(today, economies, e -> true, Integer.MAX_VALUE)) {
      String when = event.dates();
      String where = event.location().isEmpty() ? "" : ", " + event.location();
      String forWhom = event.economies().stream().filter(e -> e.equals("Global") || company.home().contains(e))
          .findFirst().map(e -> e.equals("Global") ? "open to all" : "for " + Words.the(e)).orElse("");
      Optional<Terms.Match> onSector = Terms.find(event.topics(), company.phrases());
      String why = when + (event.confirmed() ? "" : " (dates to be confirmed)") + where
          + (forWhom.isEmpty() ? "" : "; " + forWhom) + "; on " + String.join(", ", event.topics())
          + onSector.map(m -> ", matching '" + m.phrase() + "'").orElse("");
      String id = event.uid() != null ? event.uid() : event.documentId() != null ? event.documentId() : event.title();
      events.add(new Finding(id, event.title(), Words.sentence(why),
          event.starts().isBefore(today) ? event.ends() : event.starts()));
    }
    return events;
  }

  private static Finding finding(KnowledgeDocument document, String why, @Nullable LocalDate next) {
    return new Finding(document.id(), document.title(), why, next);
  }
}
