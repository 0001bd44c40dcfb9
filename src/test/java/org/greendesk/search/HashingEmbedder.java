package org.greendesk.search;

import java.util.List;
import java.util.Locale;

/**
 * A fake embedder for tests that need vectors but not meaning: words hashed into a small bag-of-words vector.
 * Deterministic, fast, unit length.
 */
public final class HashingEmbedder implements Embedder {
  private static final int DIMENSIONS = 64;
  private final String id;

  public HashingEmbedder() {
    this("hashing-64");
  }

  public HashingEmbedder(String id) {
    this.id = id;
  }

  @Override
  public String modelId() {
    return id;
  }

  @Override
  public float[] embedQuery(String text) {
    float[] v = new float[DIMENSIONS];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), DIMENSIONS)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return texts.stream().map(this::embedQuery).toList();
  }
}
