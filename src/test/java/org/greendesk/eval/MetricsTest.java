package org.greendesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final List<String> ranked = List.of("x", "a", "y", "b");
  private final Map<String, Integer> relevant = Map.of("a", 1, "b", 1, "c", 1);

  @Test
  void should_compute_ndcg_with_trec_gains() {
    double dcg = 1 / log2(3) + 1 / log2(5);
    double ideal = 1 + 1 / log2(3) + 1 / log2(4);
    assertThat(Metrics.ndcgAt(ranked, relevant, 10)).isCloseTo(dcg / ideal, within(1e-12));
    assertThat(Metrics.ndcgAt(ranked, relevant, 1)).isZero();
  }

  @Test
  void should_compute_recall_and_reciprocal_rank() {
    assertThat(Metrics.recallAt(ranked, relevant, 2)).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(Metrics.recallAt(ranked, relevant, 100)).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(Metrics.reciprocalRank(ranked, relevant)).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(List.of("z"), relevant)).isZero();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
