package org.greendesk.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reciprocal rank fusion (Cormack et al. 2009), with a weight per ranking. */
public final class RankFusion {
  private RankFusion() {}

  /**
   * Fuses rankings of ids: each id scores the sum over rankings of {@code weight / (k + rank)}, rank from 1.
   *
   * @return scores by id, in no particular order; an id absent from every ranking is absent
   */
  public static Map<String, Double> reciprocalRank(List<List<String>> rankings, List<Double> weights, double k) {
    if (rankings.size() != weights.size()) {
      throw new IllegalArgumentException("one weight per ranking: " + rankings.size() + " vs " + weights.size());
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      List<String> ranking = rankings.get(r);
      double weight = weights.get(r);
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), weight / (k + i + 1), Double::sum);
      }
    }
    return scores;
  }

  /** The highest score {@link #reciprocalRank} can give: an id ranked first everywhere. */
  public static double maxScore(List<Double> weights, double k) {
    return weights.stream().mapToDouble(w -> w / (k + 1)).sum();
  }
}
