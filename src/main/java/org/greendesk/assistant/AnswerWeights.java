package org.greendesk.assistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The composer's tunable numbers, tuned on the training questions of {@code eval/answers} and reported on the
 * held-out ones (see the README).
 *
 * @param meaning weight of a sentence's closeness in meaning to the question (cosine of their embeddings)
 * @param words weight of the question's focus words the sentence shares, rare ones counting more
 * @param kind weight of carrying the kind of fact asked for (a date for "when", an amount for "how much")
 * @param lead weight of opening its document, which is what a definition question wants
 * @param otherKind a sentence that lacks the date, amount, threshold or contact asked for has its score multiplied
 *     by this
 * @param keep a sentence joins the best one when it scores at least this share of it
 * @param pairWords weight of the words a curated question shares with the asked one, beside their closeness in
 *     meaning (the cosine), in the pair's match
 * @param pairMatch a curated question asking for the same kind of fact matches when its match reaches this
 * @param statedMeaning a sentence of the asked kind at least this close in meaning (0 to 1, as scored) states
 *     the fact ...
 * @param statedWords ... or one sharing this share of the focus words
 * @param unrelated the embeddings' cosine between a question and a sentence unrelated to it, scored 0 ...
 * @param related ... and between a question and a sentence that answers it, scored 1
 * @param pairAnswer a curated answer quoted among sentences has its score multiplied by this
 * @param pairUnrelated the search model's cosine between a question and a curated one unrelated to it, scored 0
 *     in meaning for the curated answer ...
 * @param pairRelated ... and between two ways of asking the same, scored 1
 * @param smallFirm a sentence on small firms, or under a heading on them, has its score multiplied by this when a
 *     small firm asks whether a rule applies to it
 */
public record AnswerWeights(double meaning, double words, double kind, double lead, double otherKind, double keep,
    double pairWords, double pairMatch, double statedMeaning, double statedWords,
    double unrelated, double related, double pairAnswer, double pairUnrelated, double pairRelated, double smallFirm) {

  public AnswerWeights {
    if (!(unrelated < related)) {
      throw new IllegalArgumentException("unrelated must be below related: " + unrelated + ", " + related);
    }
    if (!(pairUnrelated < pairRelated)) {
      throw new IllegalArgumentException("pairUnrelated must be below pairRelated: " + pairUnrelated + ", "
          + pairRelated);
    }
  }

  public static AnswerWeights defaults() {
    return new AnswerWeights(1.0, 1.2, 0.3, 0.15, 0.7, 0.5, 0.5, 1.3, 0.25, 0.2, 0.3, 0.8, 1.0, 0.9, 1.2, 1.3);
  }

  /**
   * A copy with named values replaced, e.g. {@code keep=0.6}; names are the record's components.
   *
   * @throws IllegalArgumentException for an unknown name or a value of the wrong form
   */
  public AnswerWeights with(Map<String, String> overrides) {
    Map<String, Object> values = new LinkedHashMap<>(JSON.convertValue(this, MAP));
    overrides.forEach((name, value) -> {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("unknown answer setting '" + name + "' (known: " + values.keySet() + ")");
      }
      values.put(name, value);
    });
    return JSON.convertValue(values, AnswerWeights.class);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
}
