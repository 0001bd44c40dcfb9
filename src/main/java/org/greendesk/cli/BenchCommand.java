package org.greendesk.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.greendesk.config.GreenDesk;
import org.greendesk.embedding.OnnxEmbedder;
import org.greendesk.eval.BeirBenchmark;
import org.greendesk.eval.BeirEvaluation;
import org.greendesk.eval.EvalQuestion;
import org.greendesk.eval.EvalSet;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.search.IndexChanges;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.Embedder;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.Retriever;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: time to open, warm query latency (BM25, hybrid, whole answer) and a
 * fresh index build's time and heap, on the knowledge base or a BEIR corpus. Numbers for the README, not assertions.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure opening time, query latency (p50/p99) and index build time and heap.")
final class BenchCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--set", paramLabel = "DIR", defaultValue = "eval/retrieval", description = "questions to time")
  Path set;

  @Option(names = "--rounds", defaultValue = "5", description = "timed passes over the questions")
  int rounds;

  @Option(names = "--beir", paramLabel = "DIR", description = "time a BEIR benchmark's test queries on its corpus")
  @Nullable Path beir;

  @Option(names = "--build", description = "with --beir, also time a fresh build of the corpus index (minutes)")
  boolean build;

  BenchCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    return beir == null ? benchKnowledge() : benchBeir(beir);
  }

  private int benchKnowledge() throws IOException {
    List<String> questions = EvalSet.load(set).stream().map(EvalQuestion::q).toList();
    long start = System.nanoTime();
    // Every question embedded each time, as a new question would be: the service remembers repeated ones.
    try (GreenDesk desk = launcher.open(terminal, settings -> GreenDesk.open(settings, RetrievalSettings.defaults(),
        false)).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      terminal.out().printf(Locale.ROOT, "Opening (knowledge, model, index%s): %d ms%n",
          desk.changes().nothingChanged() ? " up to date" : " refreshed", (System.nanoTime() - start) / 1_000_000);
      timeSearches(desk.retriever(), questions);
      time("whole answer (hybrid + composer)", questions, q -> desk.assistant().reply(q, List.of(), 3));
      buildFresh(desk.knowledge(), true);
    }
    return 0;
  }

  private int benchBeir(Path folder) throws IOException {
    BeirBenchmark benchmark = BeirBenchmark.load(folder, "test");
    Embedder embedder = new OnnxEmbedder(launcher.settings().embeddingModel());
    Path indexFolder = BeirEvaluation.indexFolder(launcher.settings(), folder, embedder);
    try (PassageIndex index =
        new PassageIndex(indexFolder, embedder, null, new Chunker(), RetrievalSettings.defaults())) {
      index.sync(benchmark.corpus());
      timeSearches(new Retriever(index, benchmark.corpus(), RetrievalSettings.defaults()),
          List.copyOf(benchmark.queries().values()));
    }
    if (build) {
      buildFresh(benchmark.corpus(), false);
    }
    return 0;
  }

  private void timeSearches(Retriever retriever, List<String> questions) {
    time("BM25 search", questions, q -> retriever.search(new SearchQuery(q, 3, SearchMode.BM25, Set.of())));
    time("hybrid search", questions, q -> retriever.search(SearchQuery.of(q, 3)));
  }

  private void time(String label, List<String> questions, Consumer<String> action) {
    questions.forEach(action); // warm-up
    List<Long> nanos = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (String q : questions) {
        long t = System.nanoTime();
        action.accept(q);
        nanos.add(System.nanoTime() - t);
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    terminal.out().printf(Locale.ROOT, "%-34s n=%d  p50 %.2f ms  p99 %.2f ms  mean %.2f ms%n", label, sorted.length,
        sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }

  /** @param withSentences whether the index keeps sentence vectors, as the service's does and a benchmark's not */
  private void buildFresh(KnowledgeBase base, boolean withSentences) throws IOException {
    OnnxEmbedder.Model model = launcher.settings().embeddingModel();
    Embedder sentences = !withSentences ? null : new OnnxEmbedder(OnnxEmbedder.Model.forSentences());
    Path folder = Files.createTempDirectory("greendesk-bench-index");
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    try (PassageIndex index = new PassageIndex(folder, new OnnxEmbedder(model), sentences, new Chunker(),
        RetrievalSettings.defaults())) {
      IndexChanges changes = index.sync(base);
      long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      terminal.out().printf(Locale.ROOT, "Fresh index build: %d documents, %d passages in %.1f s; peak heap %d MiB%n",
          base.documents().size(), changes.passages(), changes.took().toMillis() / 1000.0, peak >> 20);
    } finally {
      try (var files = Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
