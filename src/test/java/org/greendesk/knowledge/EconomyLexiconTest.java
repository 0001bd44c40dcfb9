package org.greendesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EconomyLexiconTest {
  private final EconomyLexicon economies = new EconomyLexicon(
      Map.of("EU", List.of("germany", "france"), "Germany", List.of("german"), "China", List.of("chinese"),
          "Chinese Taipei", List.of("taiwan"), "ASEM", List.of()),
      Map.of("EU", List.of("Germany"), "ASEM", List.of("EU", "China")));

  @Test
  void should_name_the_economies_a_whole_name_stands_for_and_not_those_of_its_words() {
    assertThat(economies.exactly("Germany")).containsExactlyInAnyOrder("EU", "Germany");
    assertThat(economies.exactly(" france ")).containsExactly("EU");
    assertThat(economies.exactly("Chinese Taipei")).containsExactly("Chinese Taipei");
    assertThat(economies.exactly("Atlantis")).isEmpty();
  }

  @Test
  void should_place_an_economy_in_its_groups_and_in_the_groups_of_those() {
    assertThat(economies.memberships("Germany")).containsExactlyInAnyOrder("Germany", "EU", "ASEM");
    assertThat(economies.memberships("Chinese Taipei")).containsExactly("Chinese Taipei");
  }
}
