package org.greendesk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.profile.CheckResult.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matcher on the project's own knowledge base, for the cases the README shows. */
class KnowledgeBaseCheckTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
  private static Checker checker;

  @BeforeAll
  static void load() throws Exception {
    checker = new Checker(new KnowledgeLoader().load(Path.of("knowledge")));
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::id).toList();
  }

  @Test
  void should_tell_a_korean_steel_parts_exporter_that_cbam_is_its_eu_importers_obligation_not_its_own() {
    CheckResult result = checker.check(Profile.of("Korea", "steel parts manufacturing", List.of("steel screws"))
        .withExportsTo(List.of("EU")).withFact(Fact.EMPLOYEES, 40), TODAY);

    assertThat(ids(result.applies())).doesNotContain("eu-cbam", "eu-ets", "eu-csrd").allMatch(id -> id.startsWith("kr-"));
    assertThat(result.toCheck()).filteredOn(f -> f.id().equals("eu-cbam")).singleElement().satisfies(f -> {
      assertThat(f.why()).startsWith("Not an obligation on you: it falls on importers established in the EU");
      assertThat(f.nextDate()).isEqualTo(LocalDate.of(2027, 9, 30));
    });
    assertThat(ids(result.toCheck())).contains("kr-k-ets").doesNotContain("cn-national-ets", "jp-gx-ets");
    assertThat(ids(result.funding())).contains("fund-kr-kosme-policy-loans").allMatch(id -> !id.contains("-sg-"));
  }

  @Test
  void should_apply_cbam_to_an_eu_importer_above_50_tonnes_and_not_below() {
    Profile importer = Profile.of("Germany", "steel trading and import", List.of("steel coils"));

    assertThat(ids(checker.check(importer.withFact(Fact.IMPORTS_TONNES, 2000), TODAY).applies())).contains("eu-cbam");
    assertThat(ids(checker.check(importer.withFact(Fact.IMPORTS_TONNES, 35), TODAY).applies()))
        .doesNotContain("eu-cbam");
    assertThat(ids(checker.check(importer.withFact(Fact.IMPORTS_TONNES, 35), TODAY).toCheck()))
        .doesNotContain("eu-cbam");
  }

  @Test
  void should_match_products_given_as_hs_codes() {
    CheckResult result = checker.check(Profile.of("Netherlands", "import and distribution", List.of("HS 7318.15"))
        .withFact(Fact.IMPORTS_TONNES, 400), TODAY);

    assertThat(result.applies()).filteredOn(f -> f.id().equals("eu-cbam")).singleElement()
        .satisfies(f -> assertThat(f.why()).contains("'HS 731815' matches 'HS 73'"));
  }
}
