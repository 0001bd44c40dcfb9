package org.greendesk.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Standard ranking metrics over one ranked list of ids and the judged relevant ones. */
public final class Metrics {
  private Metrics() {}

  /** Share of the relevant ids found in the first k; 0 when there are none to find. */
  public static double recallAt(List<String> ranked, Map<String, Integer> relevant, int k) {
    long wanted = relevant.values().stream().filter(g -> g > 0).count();
    if (wanted == 0) {
      return 0;
    }
    long found = ranked.stream().limit(k).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
    return found / (double) wanted;
  }

  /** 1 / rank of the first relevant id, 0 when none is ranked. */
  public static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant) {
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.getOrDefault(ranked.get(i), 0) > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** nDCG@k with graded gains (trec_eval's formula: gain / log2(rank + 1)). */
  public static double ndcgAt(List<String> ranked, Map<String, Integer> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal = relevant.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
