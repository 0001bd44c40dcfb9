package org.greendesk.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups questions that ask the same thing: the same words once case, punctuation and filler words are set aside,
 * or nearly the same (at least {@link #SIMILAR} of their words shared, by Jaccard overlap). Greedy and in order,
 * which is enough for the few hundred questions of a week.
 */
final class GapGrouping {
  static final double SIMILAR = 0.6;
  private static final Set<String> FILLER = Set.of("a", "an", "the", "is", "are", "do", "does", "i", "we", "my",
      "our", "to", "of", "for", "in", "on", "what", "how", "can", "there", "any", "about", "me", "you", "please");

  private GapGrouping() {}

  private static final class Group {
    final Set<String> words;
    final Map<String, Integer> wordings = new LinkedHashMap<>();
    final Instant last;
    int count;

    /** @param at when the group's most recent question was asked */
    Group(Set<String> words, Instant at) {
      this.words = words;
      this.last = at;
    }
  }

  /** @param asked most recent first */
  static List<KnowledgeGap> group(List<AnswerLog.Asked> asked) {
    List<Group> groups = new ArrayList<>();
    for (AnswerLog.Asked question : asked) {
      String text = question.query().strip().replaceAll("\\s+", " ");
      if (text.isEmpty()) {
        continue;
      }
      Set<String> words = words(text);
      Group group = groups.stream().filter(g -> similarity(g.words, words) >= SIMILAR).findFirst().orElse(null);
      if (group == null) {
        group = new Group(words, question.at());
        groups.add(group);
      }
      group.count++;
      group.wordings.merge(text, 1, Integer::sum);
    }
    return groups.stream()
        .sorted(Comparator.comparingInt((Group g) -> g.count).reversed().thenComparing(g -> g.last,
            Comparator.reverseOrder()))
        .map(g -> new KnowledgeGap(mostFrequent(g.wordings), g.count, List.copyOf(g.wordings.keySet()), g.last))
        .toList();
  }

  /** The wording asked most often; among equals, the first met (the most recent). */
  private static String mostFrequent(Map<String, Integer> wordings) {
    String best = null;
    for (Map.Entry<String, Integer> e : wordings.entrySet()) {
      if (best == null || e.getValue() > wordings.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !FILLER.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** Shared words over all words; two questions of filler only are alike. */
  static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return shared.size() / (double) (a.size() + b.size() - shared.size());
  }
}
