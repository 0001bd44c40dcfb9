package org.greendesk.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.profile.CheckResult.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matcher on a small knowledge folder written for each behaviour. */
class CheckerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  @TempDir Path folder;

  @BeforeEach
  void settings() {
    write(folder, "knowledge.yaml", """
        economies:
          EU: [european union, germany, france]
          Germany: [german]
          Korea: [korean, south korea]
          APEC: []
        groups:
          EU: [Germany]
          APEC: [Korea]
        """);
  }

  private void document(String id, String category, String frontMatter) {
    write(folder, category + "/" + id + ".md", "---\nid: " + id + "\ntitle: Title of " + id + "\ncategory: "
        + category + "\n" + frontMatter + "---\n# " + id + "\n\nText.\n");
  }

  private CheckResult check(Profile profile) throws Exception {
    return new Checker(new KnowledgeLoader().load(folder)).check(profile, TODAY);
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::id).toList();
  }

  private void borderTax() {
    document("border-tax", "regulation", """
        applies_to:
          established_in: [EU]
          roles: [importer, supplier]
          sectors: [steel]
          thresholds: [{fact: imports_tonnes, above: 50}]
          deadlines: [{date: 2027-09-30, yearly: true, what: annual declaration}]
          supplier_note: Importers ask you for emissions data.
        """);
  }

  @Test
  void should_apply_a_rule_when_every_condition_holds_and_say_why_with_its_next_date() throws Exception {
    borderTax();

    CheckResult result = check(Profile.of("Germany", "steel trading and import", List.of("steel coils"))
        .withFact(Fact.IMPORTS_TONNES, 120));

    assertThat(result.applies()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("border-tax");
      assertThat(f.why()).contains("Established in the EU", "'steel trading and import' matches 'steel'",
          "as an importer", "120 t (more than 50 t)");
      assertThat(f.nextDate()).isEqualTo(LocalDate.of(2027, 9, 30));
    });
    assertThat(result.toCheck()).isEmpty();
  }

  @Test
  void should_list_a_rule_to_check_naming_the_facts_not_given() throws Exception {
    borderTax();

    CheckResult result = check(Profile.of("France", "metal fabrication", List.of("steel brackets")));

    assertThat(result.applies()).isEmpty();
    assertThat(result.toCheck()).singleElement().satisfies(f -> assertThat(f.why())
        .startsWith("Applies if you are an importer and your annual imports of the goods covered are more than 50 t")
        .contains("whether you import (roles) and annual imports of the goods covered (imports_tonnes) not given"));
  }

  @Test
  void should_tell_an_exporter_abroad_that_a_rule_on_its_importers_matters_to_it_as_a_supplier_only() throws Exception {
    borderTax();

    CheckResult result = check(Profile.of("Korea", "steel parts manufacturing", List.of("steel screws"))
        .withExportsTo(List.of("EU")));

    assertThat(result.applies()).isEmpty();
    assertThat(result.toCheck()).singleElement().satisfies(f -> assertThat(f.why())
        .startsWith("Not an obligation on you: it falls on importers established in the EU")
        .contains("You export to the EU", "Importers ask you for emissions data."));
  }

  @Test
  void should_leave_out_rules_of_other_economies_other_sectors_and_missed_thresholds() throws Exception {
    borderTax();
    document("k-ets", "regulation", """
        applies_to:
          established_in: [Korea]
          thresholds: [{fact: annual_emissions_tco2e, at_least: 125000}]
        """);

    assertThat(check(Profile.of("Korea", "steel forging", List.of()).withFact(Fact.ANNUAL_EMISSIONS_TCO2E, 9000))
        .toCheck()).isEmpty();
    assertThat(check(Profile.of("Germany", "furniture making", List.of("wooden chairs"))).toCheck()).isEmpty();
    assertThat(ids(check(Profile.of("Korea", "steel forging", List.of())
        .withFact(Fact.ANNUAL_EMISSIONS_TCO2E, 130000)).applies())).containsExactly("k-ets");
  }

  @Test
  void should_apply_a_rule_on_products_to_a_manufacturer_abroad_that_sells_into_its_market() throws Exception {
    document("hazardous-substances", "regulation", """
        applies_to:
          sells_into: [EU]
          roles: [manufacturer, importer]
          products: [electronic, lamp]
        """);

    assertThat(ids(check(Profile.of("Korea", "consumer electronics manufacturing", List.of("speakers"))
        .withExportsTo(List.of("EU"))).applies())).containsExactly("hazardous-substances");
    assertThat(check(Profile.of("Korea", "consumer electronics manufacturing", List.of("speakers"))).applies())
        .isEmpty();
  }

  @Test
  void should_take_a_company_close_to_a_converted_limit_as_one_to_check() throws Exception {
    document("packaging-epr", "regulation", """
        applies_to:
          established_in: [Korea]
          thresholds: [{fact: turnover_eur, at_least: 625000, stated: KRW 1 billion}]
        """);

    assertThat(check(Profile.of("Korea", "bakery", List.of()).withFact(Fact.TURNOVER_EUR, 600000)).toCheck())
        .singleElement().satisfies(f -> assertThat(f.why()).contains("KRW 1 billion (about €625,000)",
            "close to that limit converted to euros"));
    assertThat(check(Profile.of("Korea", "bakery", List.of()).withFact(Fact.TURNOVER_EUR, 300000)).toCheck())
        .isEmpty();
    assertThat(check(Profile.of("Korea", "bakery", List.of()).withFact(Fact.TURNOVER_EUR, 900000)).applies())
        .hasSize(1);
  }

  @Test
  void should_never_apply_voluntary_overview_or_planned_documents() throws Exception {
    document("eco-label", "regulation", "applies_to: {kind: voluntary, established_in: [Korea]}\n");
    document("package", "regulation", "applies_to: {kind: overview, established_in: [Korea]}\n");
    document("carbon-tax-bill", "regulation", "applies_to: {kind: planned, established_in: [Korea]}\n");

    CheckResult result = check(Profile.of("Korea", "bakery", List.of()));

    assertThat(result.applies()).isEmpty();
    assertThat(result.toCheck()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("carbon-tax-bill");
      assertThat(f.why()).startsWith("Planned, not yet in force.");
    });
  }

  @Test
  void should_let_stated_roles_decide_and_read_them_from_the_sector_otherwise() throws Exception {
    document("shop-rule", "regulation", "applies_to: {established_in: [Korea], roles: [retailer]}\n");

    assertThat(ids(check(Profile.of("Korea", "appliance retail", List.of())).applies())).containsExactly("shop-rule");
    assertThat(check(Profile.of("Korea", "steel forging", List.of())).toCheck()).isEmpty();
    assertThat(ids(check(Profile.of("Korea", null, List.of())).toCheck())).containsExactly("shop-rule");
    assertThat(ids(check(Profile.of("Korea", "steel forging", List.of()).withRoles(Set.of(Role.RETAILER)))
        .applies())).containsExactly("shop-rule");
  }

  @Test
  void should_list_funding_for_the_economy_or_its_group_unless_a_size_limit_is_missed() throws Exception {
    document("sme-loans", "funding", """
        eligible:
          economies: [APEC]
          purposes: [efficient machinery]
          thresholds: [{fact: employees, below: 250}]
        deadline: 2027-03-31
        """);

    CheckResult small = check(Profile.of("South Korea", "bakery", List.of()).withFact(Fact.EMPLOYEES, 40));

    assertThat(small.funding()).singleElement().satisfies(f -> {
      assertThat(f.why()).contains("For companies in APEC", "40 employees (less than 250 employees)",
          "Funds efficient machinery");
      assertThat(f.nextDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    });
    assertThat(check(Profile.of("Korea", "bakery", List.of()).withFact(Fact.EMPLOYEES, 400)).funding()).isEmpty();
    assertThat(check(Profile.of("Germany", "bakery", List.of())).funding()).isEmpty();
    assertThat(check(Profile.of("Korea", "bakery", List.of())).funding()).singleElement()
        .satisfies(f -> assertThat(f.why()).contains("Eligible if you have fewer than 250 employees"));
  }

  @Test
  void should_list_only_events_to_come_for_the_economy_its_groups_or_everyone() throws Exception {
    write(folder, "events/calendar.ics", """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//test//EN
        BEGIN:VEVENT
        UID:past@test
        DTSTAMP:20261101T000000Z
        SUMMARY:Past forum
        DTSTART;VALUE=DATE:20261101
        DTEND;VALUE=DATE:20261102
        X-ECONOMIES:Korea
        END:VEVENT
        BEGIN:VEVENT
        UID:apec@test
        DTSTAMP:20261101T000000Z
        SUMMARY:APEC SME week
        DTSTART;VALUE=DATE:20270901
        DTEND;VALUE=DATE:20270905
        CATEGORIES:sme policy,bakery
        X-ECONOMIES:APEC
        END:VEVENT
        BEGIN:VEVENT
        UID:eu@test
        DTSTAMP:20261101T000000Z
        SUMMARY:EU week
        DTSTART;VALUE=DATE:20270601
        DTEND;VALUE=DATE:20270602
        X-ECONOMIES:EU
        END:VEVENT
        END:VCALENDAR
        """);

    List<Finding> events = check(Profile.of("Korea", "bakery", List.of())).events();

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("apec@test");
      assertThat(e.nextDate()).isEqualTo(LocalDate.of(2027, 9, 1));
      assertThat(e.why()).contains("for APEC", "matching 'bakery'");
    });
  }

  @Test
  void should_refuse_an_economy_the_knowledge_base_does_not_know() {
    assertThatThrownBy(() -> check(Profile.of("Atlantis", "bakery", List.of())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown economy 'Atlantis'");
  }
}
