package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankFusionTest {

  @Test
  void should_favour_ids_ranked_well_by_both() {
    Map<String, Double> fused = RankFusion.reciprocalRank(
        List.of(List.of("a", "b", "c"), List.of("b", "c", "a")), List.of(1.0, 1.0), 60);

    assertThat(fused.get("b")).isCloseTo(1 / 62.0 + 1 / 61.0, within(1e-12));
    assertThat(fused.get("b")).isGreaterThan(fused.get("a")).isGreaterThan(fused.get("c"));
  }

  @Test
  void should_weigh_rankings() {
    Map<String, Double> fused = RankFusion.reciprocalRank(
        List.of(List.of("lexical"), List.of("dense")), List.of(1.0, 2.0), 10);

    assertThat(fused.get("dense")).isEqualTo(2 * fused.get("lexical"));
    assertThat(RankFusion.maxScore(List.of(1.0, 2.0), 10)).isCloseTo(3 / 11.0, within(1e-12));
  }

  @Test
  void should_require_one_weight_per_ranking() {
    assertThatThrownBy(() -> RankFusion.reciprocalRank(List.of(List.of("a")), List.of(), 60))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
