package org.greendesk.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.greendesk.config.Settings;
import org.greendesk.embedding.OnnxEmbedder;
import org.greendesk.knowledge.Chunker;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.Embedder;
import org.greendesk.search.IndexChanges;
import org.greendesk.search.PassageIndex;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.search.Retriever;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;

/**
 * Scores a BEIR benchmark through the product's own index and retriever. The corpus index is kept in the data
 * folder, so only the first run pays for embedding the corpus.
 */
public final class BeirEvaluation {
  private final Settings settings;
  private final RetrievalSettings retrieval;

  public BeirEvaluation(Settings settings, RetrievalSettings retrieval) {
    this.settings = settings;
    this.retrieval = retrieval;
  }

  /** Where a benchmark's corpus index is kept: one per benchmark and embedding model. */
  public static Path indexFolder(Settings settings, Path benchmark, Embedder embedder) {
    return settings.dataDir().resolve("beir").resolve(benchmark.toAbsolutePath().normalize().getFileName()
        + "-" + embedder.modelId());
  }

  public record Report(int queries, int documents, String model, double ndcgAt10, double recallAt100) {}

  public Report run(Path folder, String split, SearchMode mode, Consumer<String> progress) throws IOException {
    BeirBenchmark benchmark = BeirBenchmark.load(folder, split);
    OnnxEmbedder embedder = new OnnxEmbedder(settings.embeddingModel());
    Path indexFolder = indexFolder(settings, folder, embedder);
    try (PassageIndex index = new PassageIndex(indexFolder, embedder, null, new Chunker(), retrieval)) {
      progress.accept("Indexing " + benchmark.corpus().documents().size() + " documents in " + indexFolder
          + " (the first run embeds the whole corpus and takes minutes)...");
      IndexChanges changes = index.sync(benchmark.corpus());
      progress.accept("Index ready: " + changes.passages() + " passages, " + changes.took().toSeconds() + " s");
      Retriever retriever = new Retriever(index, benchmark.corpus(), retrieval);
      double ndcg = 0;
      double recall = 0;
      for (Map.Entry<String, String> query : benchmark.queries().entrySet()) {
        List<String> ranked = retriever.search(new SearchQuery(query.getValue(), 100, mode, Set.of())).hits().stream()
            .map(DocumentHit::document).map(d -> d.id()).toList();
        Map<String, Integer> relevant = benchmark.qrels().get(query.getKey());
        ndcg += Metrics.ndcgAt(ranked, relevant, 10);
        recall += Metrics.recallAt(ranked, relevant, 100);
      }
      int n = benchmark.queries().size();
      return new Report(n, benchmark.corpus().documents().size(), embedder.modelId(), ndcg / n, recall / n);
    }
  }
}
