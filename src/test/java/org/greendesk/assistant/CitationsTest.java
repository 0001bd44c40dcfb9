package org.greendesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CitationsTest {
  @Test
  void should_read_single_grouped_and_adjacent_markers_in_order_of_first_citation() {
    assertThat(Citations.cited("A [3]. B [1, 2]. C [2][4]. D [ 5 ; 6 ].")).containsExactly(3, 1, 2, 4, 5, 6);
  }

  @Test
  void should_not_take_links_or_years_for_citations() {
    assertThat(Citations.cited("See [the guide](https://example.org) for 2026 [sic].")).isEmpty();
  }

  @Test
  void should_renumber_passages_to_sources_and_say_a_source_once() {
    String text = Citations.renumbered("A [1][2]. B [3, 1]. C [4].", Map.of(1, 1, 2, 1, 3, 2, 4, 2));

    assertThat(text).isEqualTo("A [1]. B [1, 2]. C [2].");
  }
}
