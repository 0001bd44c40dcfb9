package org.greendesk.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.greendesk.knowledge.Applicability.Clause;

/**
 * Whether an SME may get a programme, from its {@code eligible} front matter: the programme must be for the SME's
 * economy, its sectors (when it names some) must match, and no size limit may be known to be missed. What cannot be
 * known is said in the explanation rather than held against the SME.
 */
final class Eligibility {
  private Eligibility() {}

  /** Why the company may be eligible, or empty when it is not. */
  static Optional<String> why(Clause eligible, Company company) {
    String economy = Company.firstOf(company.home(), eligible.establishedIn());
    if (economy == null) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    reasons.add(economy.equals("Global") ? "open to companies anywhere" : "for companies in " + Words.the(economy));
    List<String> sectors = Stream.concat(eligible.sectors().stream(), eligible.products().stream()).toList();
    if (!sectors.isEmpty()) {
      Optional<Terms.Match> match = Terms.find(sectors, company.phrases());
      if (match.isPresent()) {
        reasons.add("'" + match.get().phrase() + "' matches '" + match.get().keyword() + "'");
      } else if (company.hasSubject()) {
        return Optional.empty();
      } else {
        conditions.add("you work in " + Words.or(sectors.stream().limit(5).toList()));
        missing.add("sector");
      }
    }
    if (!ClauseCheck.thresholds(eligible.thresholds(), conditions, reasons, missing, company.profile())) {
      return Optional.empty();
    }
    if (eligible.condition() != null) {
      conditions.add(eligible.condition());
    }
    StringBuilder why = new StringBuilder(Words.sentence(String.join("; ", reasons)));
    if (!eligible.purposes().isEmpty()) {
      why.append(" Funds ").append(Words.and(eligible.purposes())).append('.');
    }
    if (!conditions.isEmpty()) {
      why.append(" Eligible if ").append(String.join(" and ", conditions))
          .append(missing.isEmpty() ? "" : ": " + Words.and(List.copyOf(missing)) + " not given").append('.');
    }
    if (eligible.note() != null) {
      why.append(' ').append(eligible.note());
    }
    return Optional.of(why.toString());
  }
}
