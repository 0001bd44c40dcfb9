package org.greendesk.profiles;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.messages.Messages;
import org.greendesk.profile.Profile;

/** A profile as people read it: the SME in their language, the advisor in the brief. */
public final class ProfileText {
  private ProfileText() {}

  /** One line a field, labelled in the SME's language; the fields not given are left out. */
  static String lines(Profile p, Messages messages, String language) {
    List<String> lines = new ArrayList<>();
    add(lines, messages, language, "profile_field_economy", Optional.ofNullable(p.economy()));
    add(lines, messages, language, "profile_field_sector", Optional.ofNullable(p.sector()));
    add(lines, messages, language, "profile_field_products", joined(p.products()));
    add(lines, messages, language, "profile_field_exports", joined(p.exportsTo()));
    add(lines, messages, language, "profile_field_employees", p.fact(Fact.EMPLOYEES).map(ProfileText::number));
    add(lines, messages, language, "profile_field_turnover",
        p.fact(Fact.TURNOVER_EUR).map(v -> "€" + number(v)));
    add(lines, messages, language, "profile_field_emissions",
        p.fact(Fact.ANNUAL_EMISSIONS_TCO2E).map(v -> number(v) + " tCO2e"));
    return String.join("\n", lines);
  }

  /** The profile on one line, in English, for the advisors' brief; empty when it says nothing. */
  public static Optional<String> brief(Profile p) {
    List<String> parts = new ArrayList<>();
    Optional.ofNullable(p.economy()).ifPresent(parts::add);
    Optional.ofNullable(p.sector()).ifPresent(parts::add);
    joined(p.products()).ifPresent(s -> parts.add("products: " + s));
    joined(p.exportsTo()).ifPresent(s -> parts.add("exports to: " + s));
    p.fact(Fact.EMPLOYEES).ifPresent(v -> parts.add(number(v) + " employees"));
    p.fact(Fact.TURNOVER_EUR).ifPresent(v -> parts.add("turnover €" + number(v)));
    p.fact(Fact.ANNUAL_EMISSIONS_TCO2E).ifPresent(v -> parts.add(number(v) + " tCO2e a year"));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
  }

  private static void add(List<String> lines, Messages messages, String language, String key,
      Optional<String> value) {
    value.ifPresent(v -> lines.add(messages.text(language, key) + ": " + v));
  }

  private static Optional<String> joined(List<String> items) {
    return items.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", items));
  }

  static String number(double value) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(Math.round(value)).replace('\u00a0', ',');
  }
}
