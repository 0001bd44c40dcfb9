package org.greendesk.config;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.greendesk.assistant.Assistant;
import org.greendesk.base.Hashes;
import org.greendesk.assistant.Confidence;
import org.greendesk.assistant.AnswerWeights;
import org.greendesk.assistant.Intents;
import org.greendesk.assistant.LanguageDetector;
import org.greendesk.assistant.LanguageModel;
import org.greendesk.assistant.LlmMetrics;
import org.greendesk.assistant.ModelWriter;
import org.greendesk.assistant.Prompts;
import org.greendesk.assistant.RoutingPolicy;
import org.greendesk.embedding.CachingEmbedder;
import org.greendesk.embedding.OnnxEmbedder;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.language.MessageLanguages;
import org.greendesk.messages.Messages;
import org.greendesk.llm.GuardedLanguageModel;
import org.greendesk.llm.OpenAiLanguageModel;
import org.greendesk.search.Embedder;
import org.greendesk.search.IndexChanges;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.Reindexed;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.Retriever;
import org.greendesk.search.StoredVectors;
import org.jspecify.annotations.Nullable;

/**
 * The object graph, built in one place from the settings: knowledge, index, retriever, the language model when one
 * is configured, assistant. Closing it closes the model's threads and the index. Long-lived: build one per process.
 *
 * <p>{@link #reload} swaps the knowledge while the service runs: readers of {@link #assistant} get the old one or
 * the new one, never a mix, so hold the supplier ({@code greenDesk::assistant}), not the assistant.
 */
public final class GreenDesk implements AutoCloseable {
  /** Question vectors kept for repeated questions: about 15 MiB. */
  private static final int QUESTION_VECTORS = 10_000;

  private final Path knowledgeDir;
  private final PassageIndex index;
  private final RetrievalSettings retrieval;
  private final Assistant.Setup setup;
  private final PrometheusMeterRegistry metrics;
  private final LlmMetrics llmMetrics;
  private final @Nullable GuardedLanguageModel model;
  private volatile Loaded loaded;
  /** Replaced only by tuning runs of {@code eval}, before the first question. */
  private volatile AnswerWeights answerWeights = AnswerWeights.defaults();

  /** The knowledge being served, with what its last sync changed. */
  private record Loaded(KnowledgeBase knowledge, IndexChanges changes, Retriever retriever, Assistant assistant) {}

  private GreenDesk(Path knowledgeDir, PassageIndex index, RetrievalSettings retrieval, Assistant.Setup setup,
      PrometheusMeterRegistry metrics, LlmMetrics llmMetrics, @Nullable GuardedLanguageModel model) {
    this.knowledgeDir = knowledgeDir;
    this.index = index;
    this.retrieval = retrieval;
    this.setup = setup;
    this.metrics = metrics;
    this.llmMetrics = llmMetrics;
    this.model = model;
  }

  /**
   * Loads the knowledge, brings the index up to date (rebuilding only what changed) and wires the assistant.
   *
   * @throws KnowledgeFormatException when a knowledge file is broken: nothing is indexed or served then
   */
  public static GreenDesk open(Settings settings) throws KnowledgeFormatException, IOException {
    return open(settings, RetrievalSettings.defaults());
  }

  public static GreenDesk open(Settings settings, RetrievalSettings retrieval)
      throws KnowledgeFormatException, IOException {
    return open(settings, retrieval, true);
  }

  /**
   * @param remember keep the vectors of repeated questions, as the service does; a benchmark that wants every
   *     question embedded as if new does not
   */
  public static GreenDesk open(Settings settings, RetrievalSettings retrieval, boolean remember)
      throws KnowledgeFormatException, IOException {
    OnnxEmbedder.Model model = settings.embeddingModel();
    // The knowledge is read while the two models load, and the two models load at once: each takes a second or so.
    CompletableFuture<KnowledgeBase> knowledge = CompletableFuture.supplyAsync(() -> {
      try {
        return load(settings);
      } catch (KnowledgeFormatException | IOException e) {
        throw new CompletionException(e);
      }
    });
    Path models = cache(settings).resolve("models");
    CompletableFuture<Embedder> second = model == OnnxEmbedder.Model.forSentences() ? null
        : CompletableFuture.supplyAsync(() -> new OnnxEmbedder(OnnxEmbedder.Model.forSentences(), models));
    Embedder embedder = remembering(new OnnxEmbedder(model, models), remember);
    Embedder sentences = second == null ? embedder : remembering(second.join(), remember);
    return open(settings, embedder, sentences, retrieval, Clock.systemDefaultZone(), knowledge);
  }

  /** What is kept between starts to start faster, and may be deleted at any time. */
  private static Path cache(Settings settings) {
    return settings.dataDir().resolve("cache");
  }

  private static Embedder remembering(Embedder embedder, boolean remember) {
    return remember ? new CachingEmbedder(embedder, QUESTION_VECTORS) : embedder;
  }

  /** GreenDesk whose passages and sentences are embedded by the same model. */
  public static GreenDesk open(Settings settings, Embedder embedder, RetrievalSettings retrieval, Clock clock)
      throws KnowledgeFormatException, IOException {
    return open(settings, embedder, embedder, retrieval, clock);
  }

  public static GreenDesk open(Settings settings, Embedder embedder, Embedder sentences, RetrievalSettings retrieval,
      Clock clock) throws KnowledgeFormatException, IOException {
    return open(settings, embedder, sentences, retrieval, clock, CompletableFuture.completedFuture(load(settings)));
  }

  private static KnowledgeBase load(Settings settings) throws KnowledgeFormatException, IOException {
    return new KnowledgeLoader().load(settings.knowledgeDir());
  }

  private static GreenDesk open(Settings settings, Embedder embedder, Embedder sentences,
      RetrievalSettings retrieval, Clock clock, CompletableFuture<KnowledgeBase> loading)
      throws KnowledgeFormatException, IOException {
    PromptsFolder folder = new PromptsFolder(settings);
    // Independent and each a second or so: the language detector's models and the intents' training run while the
    // knowledge is read and the index opened.
    CompletableFuture<LanguageDetector> detector = CompletableFuture.supplyAsync(GreenDesk::detector);
    // The examples' vectors and what was learnt from them are the same from one start to the next: read back.
    Embedder examples = new StoredVectors(cache(settings).resolve("intent-vectors.bin"), sentences);
    Path learnt = cache(settings).resolve("intent-classifier.bin");
    CompletableFuture<Intents> intents = CompletableFuture.supplyAsync(
        () -> unchecked(() -> folder.intents(examples, learnt)));
    KnowledgeBase knowledge;
    try {
      knowledge = loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof KnowledgeFormatException broken) {
        throw broken;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
    RoutingPolicy policy = folder.policy();
    Prompts prompts = settings.llm().enabled() ? folder.prompts() : null;
    // One registry for the process: the service serves it at /metrics; the other commands just drop it.
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LlmMetrics llmMetrics = new LlmMetrics(metrics);
    PassageIndex index = new PassageIndex(indexFolder(settings), embedder, sentences, new Chunker(), retrieval);
    GuardedLanguageModel model = null;
    try {
      model = prompts == null ? null : languageModel(settings.llm(), llmMetrics, clock);
      ModelWriter writer = model == null ? null : new ModelWriter(model, prompts, policy, llmMetrics);
      Assistant.Setup setup = new Assistant.Setup(policy, folder.messages(), detector.join(), joined(intents), clock,
          writer);
      GreenDesk desk = new GreenDesk(settings.knowledgeDir(), index, retrieval, setup, metrics, llmMetrics, model);
      desk.loaded = desk.serve(knowledge);
      return desk;
    } catch (IOException | RuntimeException e) {
      if (model != null) {
        model.close();
      }
      index.close();
      throw e;
    }
  }

  /**
   * Reloads the knowledge folder, rebuilds in the index what changed, and swaps the assistant for one on the new
   * knowledge. Questions asked meanwhile are answered from the old knowledge; one reload runs at a time.
   *
   * @return what changed, by document and section, with the new knowledge's warnings; files are named from the
   *     knowledge folder
   * @throws KnowledgeFormatException when a knowledge file is broken, its problems named from the knowledge
   *     folder: the old knowledge is still served
   */
  public synchronized Reindexed reload() throws KnowledgeFormatException, IOException {
    KnowledgeBase knowledge;
    try {
      knowledge = new KnowledgeLoader().load(knowledgeDir);
    } catch (KnowledgeFormatException e) {
      throw new KnowledgeFormatException(e.problems().stream().map(p -> p.relativeTo(knowledgeDir)).toList());
    }
    KnowledgeBase before = loaded.knowledge();
    loaded = serve(knowledge);
    return new Reindexed(loaded.changes(), KnowledgeChanges.between(before.documents(), knowledge.documents()),
        knowledge.warnings().stream().map(w -> w.relativeTo(knowledgeDir)).toList());
  }

  /** Syncs the index with the knowledge and builds the assistant on top. */
  private Loaded serve(KnowledgeBase knowledge) throws IOException {
    IndexChanges changes = index.sync(knowledge);
    Retriever retriever = new Retriever(index, knowledge, retrieval);
    return new Loaded(knowledge, changes, retriever,
        new Assistant(retriever, setup, Confidence.defaults(), answerWeights));
  }

  /**
   * Answers with other composer weights from now on, on the same knowledge and index: for tuning them in
   * {@code eval}.
   */
  public void tune(AnswerWeights weights) {
    this.answerWeights = weights;
    Loaded current = loaded;
    loaded = new Loaded(current.knowledge(), current.changes(), current.retriever(),
        new Assistant(current.retriever(), setup, Confidence.defaults(), weights));
  }

  /** The configured model behind its guard: 5 failures in a row open the circuit for a minute. */
  private static GuardedLanguageModel languageModel(LlmSettings llm, LlmMetrics metrics, Clock clock) {
    LanguageModel client = switch (llm.provider()) {
      case OPENAI -> new OpenAiLanguageModel(Objects.requireNonNull(llm.baseUrl()),
          Objects.requireNonNull(llm.model()), llm.apiKey(), llm.timeout());
      case NONE -> throw new IllegalStateException("no language model is configured");
    };
    GuardedLanguageModel.Limits limits = new GuardedLanguageModel.Limits(llm.timeout(), llm.maxConcurrent(),
        Duration.ofSeconds(2), 5, Duration.ofMinutes(1));
    return new GuardedLanguageModel(client, limits, metrics, clock);
  }

  /** The work's result, or its {@link IOException} thrown again. */
  private static <T> T joined(CompletableFuture<T> work) throws IOException {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private static <T> T unchecked(IoWork<T> work) {
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface IoWork<T> {
    T run() throws IOException;
  }

  /** Built once: loading its models takes about a second. */
  private static volatile @Nullable LanguageDetector detector;

  private static synchronized LanguageDetector detector() {
    if (detector == null) {
      detector = new MessageLanguages();
    }
    return detector;
  }

  /** One index per knowledge folder, so that pointing at another folder does not rebuild the default one. */
  static Path indexFolder(Settings settings) {
    Path knowledge = settings.knowledgeDir().toAbsolutePath().normalize();
    String name = knowledge.getFileName() == null ? "knowledge" : knowledge.getFileName().toString();
    return settings.dataDir().resolve("index").resolve(name + "-" + shortHash(knowledge.toString()));
  }

  private static String shortHash(String text) {
    return Hashes.sha256(text).substring(0, 8);
  }

  public KnowledgeBase knowledge() {
    return loaded.knowledge();
  }

  /** What the last sync (at opening or at the last reload) changed. */
  public IndexChanges changes() {
    return loaded.changes();
  }

  public Retriever retriever() {
    return loaded.retriever();
  }

  /** What GreenDesk says in its own words, per language. */
  public Messages messages() {
    return setup.messages();
  }

  /** Tells the language a message is written in. */
  public LanguageDetector languages() {
    return setup.languages();
  }

  /** The assistant on the knowledge loaded last. */
  public Assistant assistant() {
    return loaded.assistant();
  }

  /** Token usage, latency and outcomes of the language model's work (empty when none is configured). */
  public LlmMetrics llmMetrics() {
    return llmMetrics;
  }

  /** The process's meters, the language model's among them, ready to be scraped in Prometheus' format. */
  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /**
   * How many passages the index serves now.
   *
   * @throws IOException or {@link org.apache.lucene.store.AlreadyClosedException} when the index cannot be read
   */
  public int indexedPassages() throws IOException {
    return index.passageCount();
  }

  @Override
  public void close() throws IOException {
    if (model != null) {
      model.close();
    }
    index.close();
  }
}
