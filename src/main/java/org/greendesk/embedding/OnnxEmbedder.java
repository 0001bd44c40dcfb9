package org.greendesk.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.greendesk.search.Embedder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedding model that runs in this process with ONNX Runtime; the model ships inside its Maven jar, so it
 * works offline. Vectors are normalised to unit length here, whatever the model does.
 *
 * <p>Each call runs on the caller's thread, without ONNX Runtime's own thread pool: the service embeds many short
 * questions at once on different threads, and the pool's threads, which spin while they wait for work, cost two to
 * three times the CPU of the embedding itself then. Passages are still embedded in parallel, a batch spread over
 * the cores.
 */
public final class OnnxEmbedder implements Embedder {

  /** The models on offer. BGE wants an instruction before a query and none before a passage. */
  public enum Model {
    MINILM("all-minilm-l6-v2-q", "", PoolingMode.MEAN),
    BGE_SMALL("bge-small-en-v1.5-q", "Represent this sentence for searching relevant passages: ", PoolingMode.CLS);

    /** Also the name of the model's files in its jar: {@code ID.onnx} and {@code ID-tokenizer.json}. */
    private final String id;
    private final String queryPrefix;
    private final PoolingMode pooling;

    Model(String id, String queryPrefix, PoolingMode pooling) {
      this.id = id;
      this.queryPrefix = queryPrefix;
      this.pooling = pooling;
    }

    /**
     * The model for the index's sentence vectors when this one embeds its passages: MiniLM, about twice as fast
     * as BGE, since sentences are five times as many as passages and answers need only their likeness to the
     * question.
     */
    public static Model forSentences() {
      return MINILM;
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

  private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);
  private static final int BATCH = 64;

  private final Model model;
  private final EmbeddingModel onnx;

  /** @throws UncheckedIOException when the model's files are missing from the class path or unreadable */
  public OnnxEmbedder(Model model) {
    this(model, null);
  }

  /**
   * @param cache a folder to keep the model's weights in as a plain file, read from there at the next start: the
   *     runtime then reads the file itself, which takes a fifth of the time of inflating them from the jar and
   *     keeps their bytes off the heap; {@code null} to read them from the jar each time
   * @throws UncheckedIOException when the model's files are missing from the class path or unreadable
   */
  public OnnxEmbedder(Model model, @Nullable Path cache) {
    this.model = model;
    this.onnx = new InProcessModel(encoder(model, cache));
  }

  private static OnnxBertBiEncoder encoder(Model model, @Nullable Path cache) {
    try (InputStream tokenizer = resource(model.id + "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      Path file = cache == null ? null : copied(model, cache);
      OrtSession session = file == null ? environment.createSession(weights(model), options)
          : environment.createSession(file.toString(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, model.pooling);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model " + model.id, e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model " + model.id + ": " + e.getMessage(), e);
    }
  }

  /** The model's weights copied into the folder; {@code null} when they cannot be written there. */
  private static @Nullable Path copied(Model model, Path cache) {
    try {
      return ModelFile.of(model.id + ".onnx", cache);
    } catch (IOException e) {
      LOG.warn("cannot keep the embedding model {} in {}, reading it from the jar: {}", model.id, cache, e.toString());
      return null;
    }
  }

  private static byte[] weights(Model model) throws IOException {
    try (InputStream weights = resource(model.id + ".onnx")) {
      return weights.readAllBytes();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxEmbedder.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException(name + " is not on the class path");
    }
    return in;
  }

  /** LangChain4j's in-process model around our own session; it spreads a batch of passages over the cores. */
  private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    InProcessModel(OnnxBertBiEncoder encoder) {
      super(null);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
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
