package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import org.greendesk.knowledge.Applicability.Clause;
import org.greendesk.knowledge.Applicability.Deadline;
import org.greendesk.knowledge.Applicability.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicabilityReaderTest {
  @TempDir Path folder;
  private final KnowledgeLoader loader = new KnowledgeLoader();

  @BeforeEach
  void settings() {
    write(folder, "knowledge.yaml", """
        economies:
          EU: [european union, germany]
          Korea: [korean]
          APEC: []
        groups:
          APEC: [Korea]
        """);
  }

  private static String rule(String frontMatter) {
    return "---\nid: rule\ntitle: A rule\ncategory: regulation\n" + frontMatter + "---\n# A rule\n\nText.\n";
  }

  @Test
  void should_read_a_clause_with_its_subject_roles_thresholds_and_deadlines() throws Exception {
    write(folder, "regulation/rule.md", rule("""
        applies_to:
          established_in: [EU]
          sectors: [steel, aluminium]
          hs_chapters: [72, "2523"]
          roles: [importer, supplier]
          thresholds:
            - {fact: imports_tonnes, above: 50}
            - {fact: energy, at_least: 2000, unit: toe}
          deadlines:
            - {date: 2027-09-30, yearly: true, what: annual declaration}
          supplier_note: importers will ask you for emissions data
        """));

    Clause clause = loader.load(folder).documents().get(0).applicability().appliesTo().get(0);

    assertThat(clause.kind()).isEqualTo(Kind.OBLIGATION);
    assertThat(clause.establishedIn()).containsExactly("EU");
    assertThat(clause.hsCodes()).containsExactly("72", "2523");
    assertThat(clause.obligedRoles()).containsExactly(Role.IMPORTER);
    assertThat(clause.roles()).contains(Role.SUPPLIER);
    assertThat(clause.thresholds()).extracting(Threshold::fact)
        .containsExactly(Threshold.Fact.IMPORTS_TONNES, Threshold.Fact.ENERGY);
    assertThat(clause.thresholds().get(1).limit()).isEqualTo(2000 * 11.63);
    assertThat(clause.nextDeadline(LocalDate.of(2028, 10, 1))).contains(LocalDate.of(2029, 9, 30));
    assertThat(clause.supplierNote()).isEqualTo("importers will ask you for emissions data");
  }

  @Test
  void should_read_a_list_of_clauses_and_the_eligibility_of_a_programme() throws Exception {
    write(folder, "regulation/rule.md", rule("""
        applies_to:
          - {established_in: [Korea], thresholds: [{fact: annual_emissions_tco2e, at_least: 125000}]}
          - {kind: planned, established_in: [Korea], condition: a site emits 25000 t or more}
        eligible:
          economies: [APEC]
          purposes: [energy efficiency]
          thresholds: [{fact: employees, below: 250}]
        """));

    Applicability applicability = loader.load(folder).documents().get(0).applicability();

    assertThat(applicability.appliesTo()).extracting(Clause::kind).containsExactly(Kind.OBLIGATION, Kind.PLANNED);
    assertThat(applicability.appliesTo().get(1).condition()).isEqualTo("a site emits 25000 t or more");
    assertThat(applicability.eligibility()).hasValueSatisfying(e -> {
      assertThat(e.establishedIn()).containsExactly("APEC");
      assertThat(e.purposes()).containsExactly("energy efficiency");
    });
    assertThat(loader.load(folder).documents().get(0).attributes()).doesNotContainKeys("applies_to", "eligible");
  }

  @Test
  void should_name_the_file_and_the_line_of_an_unknown_economy() {
    Path file = write(folder, "regulation/rule.md", rule("""
        applies_to:
          established_in:
            - EU
            - Korae
        """));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(file);
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.problem()).contains("unknown economy 'Korae'", "applies_to.established_in");
    });
  }

  @Test
  void should_refuse_a_negative_threshold_an_unknown_role_and_an_unknown_key_each_on_its_line() {
    write(folder, "regulation/rule.md", rule("""
        applies_to:
          roles: [importer, smuggler]
          thresholds:
            - fact: employees
              below: -5
          size: large
        """));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).extracting(KnowledgeProblem::line, KnowledgeProblem::problem).containsExactlyInAnyOrder(
        tuple(6, "unknown role 'smuggler' in applies_to.roles (known: manufacturer, "
            + "producer, importer, exporter, distributor, retailer, service, supplier)"),
        tuple(9, "applies_to.thresholds[0].below must be a number of 0 or more: -5"),
        tuple(10, "unknown key 'size' in applies_to (known: condition, deadlines, "
            + "established_in, hs_chapters, kind, note, products, roles, sectors, sells_into, supplier_note, "
            + "thresholds)"));
  }

  @Test
  void should_refuse_an_energy_threshold_without_its_unit_and_a_bad_hs_code() {
    write(folder, "regulation/rule.md", rule("""
        applies_to:
          hs_chapters: [7]
          thresholds: [{fact: energy, above: 10}]
        """));

    KnowledgeFormatException e = catchThrowableOfType(KnowledgeFormatException.class, () -> loader.load(folder));

    assertThat(e.problems()).extracting(KnowledgeProblem::problem).anySatisfy(p -> assertThat(p).contains("unit"))
        .anySatisfy(p -> assertThat(p).contains("HS chapters or headings of 2, 4 or 6 digits"));
  }

  @Test
  void should_find_the_next_occurrence_of_a_yearly_deadline_and_none_after_a_one_off_one() {
    Deadline yearly = new Deadline(LocalDate.of(2027, 6, 30), true, "annual report");
    Deadline once = new Deadline(LocalDate.of(2027, 6, 30), false, "registration");

    assertThat(yearly.next(LocalDate.of(2026, 12, 6))).contains(LocalDate.of(2027, 6, 30));
    assertThat(yearly.next(LocalDate.of(2029, 7, 1))).contains(LocalDate.of(2030, 6, 30));
    assertThat(yearly.next(LocalDate.of(2029, 6, 30))).contains(LocalDate.of(2029, 6, 30));
    assertThat(once.next(LocalDate.of(2027, 7, 1))).isEmpty();
  }

  @Test
  void should_place_an_economy_in_its_groups() throws Exception {
    write(folder, "regulation/rule.md", rule(""));

    EconomyLexicon economies = loader.load(folder).economies();

    assertThat(economies.memberships("Korea")).containsExactly("Korea", "APEC");
    assertThat(economies.names()).containsExactly("EU", "Korea", "APEC");
  }
}
