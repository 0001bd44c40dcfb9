package org.greendesk.search;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search request.
 *
 * @param text what to look for, as the user typed it
 * @param topK how many documents to return, 1 to 100
 * @param economies economies to favour beyond those named in the text (from the conversation); may be empty
 * @param onlyTheseEconomies keep only documents serving the economies (or every economy), when any does: for a
 *     follow-up that moves the conversation to another economy
 * @param category a kind of document to favour ("funding", "directory"...), as the economy is favoured; {@code
 *     null} for none: "something similar in Japan?" after a grant wants a grant
 */
public record SearchQuery(String text, int topK, SearchMode mode, Set<String> economies, boolean onlyTheseEconomies,
    @Nullable String category) {
  /** The most documents a search returns: the contract's limit on {@code --top-k} and {@code top_k}. */
  public static final int MAX_TOP_K = 100;

  /** Whether {@code topK} is a number of documents a search may be asked for: 1 to {@link #MAX_TOP_K}. */
  public static boolean validTopK(int topK) {
    return topK >= 1 && topK <= MAX_TOP_K;
  }

  public SearchQuery {
    Objects.requireNonNull(text, "text");
    if (!validTopK(topK)) {
      throw new IllegalArgumentException("top-k must be 1.." + MAX_TOP_K + ": " + topK);
    }
    Objects.requireNonNull(mode, "mode");
    economies = Set.copyOf(economies);
  }

  public SearchQuery(String text, int topK, SearchMode mode, Set<String> economies, boolean onlyTheseEconomies) {
    this(text, topK, mode, economies, onlyTheseEconomies, null);
  }

  public SearchQuery(String text, int topK, SearchMode mode, Set<String> economies) {
    this(text, topK, mode, economies, false);
  }

  public static SearchQuery of(String text, int topK) {
    return new SearchQuery(text, topK, SearchMode.HYBRID, Set.of());
  }
}
