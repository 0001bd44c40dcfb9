package org.greendesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.greendesk.config.GreenDesk;
import org.greendesk.embedding.OnnxEmbedder;
import org.greendesk.eval.EvalQuestion;
import org.greendesk.eval.EvalSet;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.search.IndexChanges;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: start-up time with an existing index, warm query latency (BM25, hybrid, whole answer) and a
 * fresh index build's time and heap, on the knowledge base. Numbers for the README, not assertions.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure start-up, query latency (p50/p99) and index build time and heap.")
final class BenchCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--set", paramLabel = "DIR", defaultValue = "eval/retrieval", description = "questions to time")
  Path set;

  @Option(names = "--rounds", defaultValue = "5", description = "timed passes over the questions")
  int rounds;

  BenchCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    List<String> questions = EvalSet.load(set).stream().map(EvalQuestion::q).toList();
    launcher.open(terminal).ifPresent(this::closeQuietly); // make sure the index exists before timing start-up
    long start = System.nanoTime();
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      terminal.out().printf(Locale.ROOT, "Start-up with an existing index (in process): %d ms%n",
          (System.nanoTime() - start) / 1_000_000);
      time("BM25 search", questions, q -> desk.retriever().search(new SearchQuery(q, 3, SearchMode.BM25, java.util.Set.of())));
      time("hybrid search", questions, q -> desk.retriever().search(SearchQuery.of(q, 3)));
      time("whole answer (hybrid + composer)", questions, q -> desk.assistant().reply(q, List.of(), 3));
      buildFresh(desk.knowledge());
    }
    return 0;
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

  private void buildFresh(KnowledgeBase base) throws IOException {
    Path folder = Files.createTempDirectory("greendesk-bench-index");
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    try (PassageIndex index = new PassageIndex(folder, new OnnxEmbedder(launcher.settings().embeddingModel()),
        new Chunker(), RetrievalSettings.defaults())) {
      IndexChanges changes = index.sync(base);
      long after = runtime.totalMemory() - runtime.freeMemory();
      terminal.out().printf(Locale.ROOT, "Fresh index build: %d documents, %d passages in %.1f s; heap in use %d MiB "
          + "(+%d MiB during the build, max heap %d MiB)%n", base.documents().size(), changes.passages(),
          changes.took().toMillis() / 1000.0, after >> 20, Math.max(0, after - before) >> 20, runtime.maxMemory() >> 20);
    } finally {
      try (var files = Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void closeQuietly(GreenDesk desk) {
    try {
      desk.close();
    } catch (IOException e) {
      terminal.err().println("closing: " + e.getMessage());
    }
  }
}
