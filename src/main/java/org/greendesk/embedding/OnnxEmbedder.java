package org.greendesk.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.greendesk.search.Embedder;

/**
 * An embedding model that runs in this process with ONNX Runtime; the model ships inside its Maven jar, so it
 * works offline. Vectors are normalised to unit length here, whatever the model does.
 */
public final class OnnxEmbedder implements Embedder {

  /** The models on offer. BGE wants an instruction before a query and none before a passage. */
  public enum Model {
    MINILM("all-minilm-l6-v2-q", "", AllMiniLmL6V2QuantizedEmbeddingModel::new),
    BGE_SMALL("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ",
        BgeSmallEnV15QuantizedEmbeddingModel::new);

    private final String id;
    private final String queryPrefix;
    private final Supplier<EmbeddingModel> factory;

    Model(String id, String queryPrefix, Supplier<EmbeddingModel> factory) {
      this.id = id;
      this.queryPrefix = queryPrefix;
      this.factory = factory;
    }

    /** Accepts the id or a short name: {@code minilm}, {@code bge-small}. */
    public static Model parse(String name) {
      String n = name.strip().toLowerCase(Locale.ROOT);
      for (Model model : values()) {
        if (model.id.equals(n) || model.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
          return model;
        }
      }
      throw new IllegalArgumentException("unknown embedding model '" + name + "' (known: minilm, bge-small)");
    }
  }

  private static final int BATCH = 64;

  private final Model model;
  private final EmbeddingModel onnx;

  public OnnxEmbedder(Model model) {
    this.model = model;
    this.onnx = model.factory.get();
  }

  @Override
  public String modelId() {
    return model.id;
  }

  @Override
  public float[] embedQuery(String text) {
    return normalised(onnx.embed(model.queryPrefix + text).content());
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
          .map(TextSegment::from).toList();
      onnx.embedAll(batch).content().forEach(e -> vectors.add(normalised(e)));
    }
    return vectors;
  }

  private static float[] normalised(Embedding embedding) {
    float[] v = embedding.vector();
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      unit[i] = (float) (v[i] / (norm == 0 ? 1 : norm));
    }
    return unit;
  }
}
