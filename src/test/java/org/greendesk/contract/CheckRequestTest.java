package org.greendesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.profile.Profile;
import org.junit.jupiter.api.Test;

class CheckRequestTest {

  @Test
  void should_read_every_field_of_a_profile_line_and_ignore_others() {
    Profile profile = CheckRequest.parse("""
        {"id": "p1", "economy": "Korea", "sector": "steel parts", "products": ["steel screws"],
         "exports_to": ["EU"], "employees": 40, "turnover_eur": 8000000, "annual_emissions_tco2e": 1200,
         "annual_energy_mwh": 900, "imports_tonnes": 10, "roles": ["manufacturer"], "expected": ["x"]}
        """);

    assertThat(profile.id()).isEqualTo("p1");
    assertThat(profile.economy()).isEqualTo("Korea");
    assertThat(profile.products()).containsExactly("steel screws");
    assertThat(profile.exportsTo()).containsExactly("EU");
    assertThat(profile.facts()).containsEntry(Fact.EMPLOYEES, 40.0).containsEntry(Fact.TURNOVER_EUR, 8e6)
        .containsEntry(Fact.ANNUAL_EMISSIONS_TCO2E, 1200.0).containsEntry(Fact.ENERGY, 900.0)
        .containsEntry(Fact.IMPORTS_TONNES, 10.0);
    assertThat(profile.roles()).containsExactly(Role.MANUFACTURER);
  }

  @Test
  void should_accept_a_profile_with_only_an_id() {
    Profile profile = CheckRequest.parse("{\"id\": \"bare\"}");

    assertThat(profile.economy()).isNull();
    assertThat(profile.facts()).isEmpty();
  }

  @Test
  void should_name_the_problem_of_a_malformed_profile() {
    assertThatThrownBy(() -> CheckRequest.parse("{not json")).hasMessageStartingWith("invalid JSON");
    assertThatThrownBy(() -> CheckRequest.parse("[1]")).hasMessageStartingWith("a profile must be a JSON object");
    assertThatThrownBy(() -> CheckRequest.parse("{\"employees\": -3}"))
        .hasMessage("employees must be a number of 0 or more: -3");
    assertThatThrownBy(() -> CheckRequest.parse("{\"employees\": \"forty\"}"))
        .hasMessage("employees must be a number of 0 or more: \"forty\"");
    assertThatThrownBy(() -> CheckRequest.parse("{\"products\": \"screws\"}"))
        .hasMessage("products must be a list of strings: \"screws\"");
    assertThatThrownBy(() -> CheckRequest.parse("{\"roles\": [\"smuggler\"]}"))
        .hasMessageStartingWith("unknown role 'smuggler'");
  }
}
