package org.greendesk.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retrieval's tunable numbers. The defaults were tuned on the training questions (the project's own set and
 * SciFact's train split) and are reported on held-out ones; see the README.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param candidates passages taken from each of BM25 and the vector search before fusion
 * @param rrfK the reciprocal rank fusion constant
 * @param economyBoost when the question names an economy, documents that do not serve it have their score
 *     divided by {@code 1 + economyBoost}
 */
public record RetrievalSettings(
    float k1,
    float b,
    float titleBoost,
    float aliasBoost,
    float topicBoost,
    float bodyBoost,
    int candidates,
    double rrfK,
    double bm25Weight,
    double denseWeight,
    double economyBoost,
    boolean fuzzy) {

  public RetrievalSettings {
    if (candidates < 1 || candidates > 10_000) {
      throw new IllegalArgumentException("candidates must be 1..10000: " + candidates);
    }
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrfK must not be negative: " + rrfK);
    }
  }

  public static RetrievalSettings defaults() {
    return new RetrievalSettings(0.9f, 0.4f, 0.5f, 1.5f, 1.0f, 1.0f, 100, 20, 1.0, 1.5, 0.3, true);
  }

  /**
   * A copy with named values replaced, e.g. {@code rrfK=20}; names are the record's components.
   *
   * @throws IllegalArgumentException for an unknown name or a value of the wrong form
   */
  public RetrievalSettings with(Map<String, String> overrides) {
    Map<String, Object> values = new LinkedHashMap<>(JSON.convertValue(this, MAP));
    overrides.forEach((name, value) -> {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("unknown retrieval setting '" + name + "' (known: " + values.keySet() + ")");
      }
      values.put(name, value);
    });
    return JSON.convertValue(values, RetrievalSettings.class);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
}
