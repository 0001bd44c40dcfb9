package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.greendesk.config.GreenDesk;
import org.greendesk.contract.Json;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search}: ranked documents only, no assistant logic. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Rank documents for a query. '-' reads queries (JSON Lines with --json) from standard input.")
final class SearchCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--json", description = "print JSON; with '-', read and write JSON Lines")
  boolean json;

  @Option(names = "--top-k", paramLabel = "N", defaultValue = "3", description = "how many results (1-100)")
  int topK;

  @Option(names = "--mode", defaultValue = "hybrid", description = "bm25, dense or hybrid")
  String mode;

  @Parameters(paramLabel = "QUERY", arity = "1", description = "the query, or '-' for standard input")
  String query;

  SearchCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    SearchMode searchMode;
    try {
      searchMode = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      terminal.err().println("--mode must be bm25, dense or hybrid: " + mode);
      return 2;
    }
    if (!SearchQuery.validTopK(topK) || (!query.equals("-") && query.isBlank())) {
      terminal.err().println(query.isBlank() ? "The query is empty."
          : "--top-k must be between 1 and " + SearchQuery.MAX_TOP_K + ": " + topK);
      return 2;
    }
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      if (!query.equals("-")) {
        print(desk, query, null, searchMode);
        return 0;
      }
      if (!json) {
        BufferedReader reader = terminal.reader();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank()) {
            print(desk, line, null, searchMode);
          }
        }
        return 0;
      }
      int failed = BatchRequest.forEach(terminal, request -> print(desk, request.q(), request.id(), searchMode));
      return failed == 0 ? 0 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void print(GreenDesk desk, String text, @Nullable String id, SearchMode searchMode) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
    List<DocumentHit> hits = desk.retriever().search(new SearchQuery(text, topK, searchMode, Set.of())).hits();
    if (json) {
      terminal.out().println(Json.searchResults(text, hits, id));
      return;
    }
    int n = 1;
    for (DocumentHit hit : hits) {
      terminal.out().printf(Locale.ROOT, "%d. %.3f  %s  %s%n", n++, hit.score(), hit.document().id(), hit.document().title());
    }
  }
}
