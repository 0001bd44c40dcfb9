package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.greendesk.knowledge.Passage;
import org.greendesk.search.DocumentHit;

/**
 * Answers without a language model: picks, from the best passages, the sentences that share the most (rare) words
 * with the question, and keeps the answer to a chat message. Stateless and thread safe.
 */
public final class ExtractiveComposer {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])\\s+(?=[\\p{Lu}\\p{N}\"(])");
  private static final int MIN_SENTENCE_CHARS = 20;
  private static final double LEAD_BONUS = 0.25;

  private final Function<String, List<String>> analyse;
  private final ToDoubleFunction<String> idf;
  private final int maxChars;
  private final int maxSentences;

  /**
   * @param analyse turns text into the index's terms, so sentences and question compare like the search does
   * @param idf how rare a term is; rare shared words count more
   */
  public ExtractiveComposer(
      Function<String, List<String>> analyse, ToDoubleFunction<String> idf, int maxChars, int maxSentences) {
    this.analyse = analyse;
    this.idf = idf;
    this.maxChars = maxChars;
    this.maxSentences = maxSentences;
  }

  /** A sentence of a passage, where it stands, and the document it came from. */
  record Picked(String documentId, int hitRank, int passageRank, int position, String text, double score) {}

  /**
   * The composed answer and the documents it quotes, best first; empty when no hit has text.
   *
   * @param terms the question's analysed terms
   */
  public Composition compose(List<String> terms, List<DocumentHit> hits) {
    List<Picked> candidates = candidates(terms, hits);
    List<Picked> chosen = new ArrayList<>();
    int length = 0;
    for (Picked sentence : candidates.stream().sorted(Comparator.comparingDouble(Picked::score).reversed()).toList()) {
      if (chosen.size() >= maxSentences || (!chosen.isEmpty() && length + sentence.text().length() > maxChars)) {
        continue;
      }
      if (!chosen.isEmpty() && sentence.score() < chosen.get(0).score() * 0.35) {
        break;
      }
      chosen.add(sentence);
      length += sentence.text().length() + 1;
    }
    chosen.sort(Comparator.comparingInt(Picked::hitRank).thenComparingInt(Picked::passageRank)
        .thenComparingInt(Picked::position));
    List<String> used = chosen.stream().map(Picked::documentId).distinct().toList();
    return new Composition(String.join(" ", chosen.stream().map(Picked::text).toList()), used);
  }

  /** @param documentIds the documents quoted, in order of the hits */
  public record Composition(String text, List<String> documentIds) {
    public Composition {
      documentIds = List.copyOf(documentIds);
    }
  }

  private List<Picked> candidates(List<String> terms, List<DocumentHit> hits) {
    Map<String, Double> weight = new HashMap<>();
    terms.forEach(term -> weight.put(term, idf.applyAsDouble(term)));
    double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Picked> candidates = new ArrayList<>();
    double topScore = hits.isEmpty() ? 0 : hits.get(0).score();
    for (int h = 0; h < Math.min(2, hits.size()); h++) {
      DocumentHit hit = hits.get(h);
      if (h > 0 && hit.score() < 0.8 * topScore) {
        break;
      }
      double hitWeight = h == 0 ? 1.0 : 0.8;
      List<Passage> passages = hit.passages();
      for (int p = 0; p < Math.min(2, passages.size()); p++) {
        double passageWeight = p == 0 ? 1.0 : 0.85;
        List<String> sentences = sentences(passages.get(p).text());
        Set<String> headingTerms = new HashSet<>(analyse.apply(passages.get(p).heading()));
        for (int s = 0; s < sentences.size(); s++) {
          String sentence = sentences.get(s);
          if (sentence.endsWith(":")) {
            continue; // it introduces a list that would be cut off
          }
          Set<String> words = new HashSet<>(analyse.apply(sentence));
          words.addAll(headingTerms);
          double shared = terms.stream().filter(words::contains).mapToDouble(weight::get).sum();
          double overlap = total == 0 ? 0 : shared / total;
          double score = (overlap + (s == 0 ? LEAD_BONUS : 0)) * hitWeight * passageWeight;
          candidates.add(new Picked(hit.document().id(), h, p, s, sentence, score));
        }
      }
    }
    return candidates;
  }

  /** Lines, then sentences; fragments too short to stand alone are joined to the next. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.lines().toList()) {
      StringBuilder pending = new StringBuilder();
      for (String part : SENTENCE_END.split(line.strip())) {
        pending.append(pending.length() > 0 ? " " : "").append(part);
        if (pending.length() >= MIN_SENTENCE_CHARS) {
          sentences.add(finish(pending.toString()));
          pending.setLength(0);
        }
      }
      if (pending.length() > 0) {
        sentences.add(finish(pending.toString()));
      }
    }
    return sentences;
  }

  private static String finish(String sentence) {
    String s = sentence.strip();
    return s.matches(".*[.!?:;)]$") ? s : s + ".";
  }
}
