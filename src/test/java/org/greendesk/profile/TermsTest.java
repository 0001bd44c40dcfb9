package org.greendesk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

  @Test
  void should_match_a_keyword_in_plural_products_and_say_where() {
    assertThat(Terms.find(List.of("aluminium", "steel"), List.of("metal parts", "Steel Screws")))
        .hasValueSatisfying(m -> {
          assertThat(m.keyword()).isEqualTo("steel");
          assertThat(m.phrase()).isEqualTo("Steel Screws");
        });
    assertThat(Terms.find(List.of("screw"), List.of("steel screws"))).isPresent();
    assertThat(Terms.find(List.of("battery"), List.of("lithium-ion batteries"))).isPresent();
    assertThat(Terms.find(List.of("e-bike"), List.of("battery packs for e-bikes"))).isPresent();
  }

  @Test
  void should_match_whole_words_in_order_only() {
    assertThat(Terms.find(List.of("steel"), List.of("steelwork"))).isEmpty();
    assertThat(Terms.find(List.of("palm oil"), List.of("oil palm plantation"))).isEmpty();
    assertThat(Terms.find(List.of("palm oil"), List.of("crude palm oil"))).isPresent();
  }

  @Test
  void should_make_plurals_singular_and_leave_short_words_and_other_endings_alone() {
    assertThat(Terms.words("Batteries, boxes, glasses, screws, gas, business"))
        .containsExactly("battery", "box", "glass", "screw", "gas", "business");
  }

  @Test
  void should_read_hs_codes_among_products_and_find_their_chapter() {
    List<String> codes = Terms.codes(List.of("HS 7318.15", "steel screws", "2523"));

    assertThat(codes).containsExactly("731815", "2523");
    assertThat(Terms.findCode(List.of("76", "73"), codes)).hasValueSatisfying(m ->
        assertThat(m.keyword()).isEqualTo("HS 73"));
    assertThat(Terms.findCode(List.of("2804"), codes)).isEmpty();
  }
}
