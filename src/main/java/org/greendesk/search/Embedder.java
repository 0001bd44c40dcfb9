package org.greendesk.search;

import java.util.List;

/**
 * Turns text into dense vectors. Every vector returned has unit length, so a dot product is a cosine similarity.
 * Implementations are thread safe.
 */
public interface Embedder {

  /** Names the model and its settings; an index built with another id is rebuilt. */
  String modelId();

  float[] embedQuery(String text);

  /** One vector per text, in the same order. */
  List<float[]> embedPassages(List<String> texts);
}
