package org.greendesk.search;

import java.util.List;
import java.util.Set;

/**
 * The documents found for a query, best first, de-duplicated by id, at most the query's top-k; empty when
 * nothing matched.
 *
 * @param terms the question's words as the index knows them (stemmed, stop words removed)
 * @param economies the economies that were favoured
 */
public record SearchResult(SearchQuery query, List<DocumentHit> hits, List<String> terms, Set<String> economies) {

  public SearchResult {
    hits = List.copyOf(hits);
    terms = List.copyOf(terms);
    economies = Set.copyOf(economies);
  }
}
