package org.greendesk.search;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The documents found for a query, best first, de-duplicated by id, at most the query's top-k; empty when
 * nothing matched.
 *
 * @param terms the question's words as the index knows them (stemmed, stop words removed)
 * @param economies the economies that were favoured
 * @param queryVector the question's embedding by the search's model, or {@code null} when it used words only
 * @param sentenceVector the question's embedding by the model of the index's sentence vectors, to compare it with
 *     them; {@code null} when the search used words only or the index keeps no sentence vectors
 */
public record SearchResult(SearchQuery query, List<DocumentHit> hits, List<String> terms, Set<String> economies,
    float @Nullable [] queryVector, float @Nullable [] sentenceVector) {

  public SearchResult {
    hits = List.copyOf(hits);
    terms = List.copyOf(terms);
    economies = Set.copyOf(economies);
  }
}
