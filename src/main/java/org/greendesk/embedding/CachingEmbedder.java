package org.greendesk.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greendesk.search.Embedder;

/**
 * Remembers the vectors of the questions asked most recently. A help desk hears the same questions again and
 * again (and its commands ask fixed ones), and embedding a question is most of the work of answering it, while a
 * vector is 1.5 KiB. Passages are not cached: each is embedded once, when it is indexed. Thread safe; callers must
 * not change the arrays returned.
 */
public final class CachingEmbedder implements Embedder {
  private final Embedder embedder;
  private final Map<String, float[]> recent;

  /** @param capacity how many question vectors to keep; the least recently used go first */
  public CachingEmbedder(Embedder embedder, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.embedder = embedder;
    this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public String modelId() {
    return embedder.modelId();
  }

  @Override
  public float[] embedQuery(String text) {
    synchronized (recent) {
      float[] known = recent.get(text);
      if (known != null) {
        return known;
      }
    }
    // Embedded outside the lock: two threads may both embed a new question, which costs less than queueing.
    float[] vector = embedder.embedQuery(text);
    synchronized (recent) {
      recent.put(text, vector);
    }
    return vector;
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return embedder.embedPassages(texts);
  }
}
