package org.greendesk.search;

import java.util.List;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;

/**
 * A document found by a search.
 *
 * @param score in 0..1: 1 for a document whose best passage ranked first in every ranking and that serves the
 *     economy the question names, if it names one
 * @param passages the document's matching passages, best first, never empty
 * @param similarity cosine similarity of the question to the document's best passage of text (curated questions
 *     left out), or the lowest one the vector search returned when it did not return one (an upper bound)
 * @param coverage share of the question's words (after stemming, stop and question words removed) found
 *     anywhere in the document;
 *     computed for the first three hits only, 0 for the others
 */
public record DocumentHit(
    KnowledgeDocument document, double score, List<Passage> passages, double similarity, double coverage) {

  public DocumentHit {
    passages = List.copyOf(passages);
    if (passages.isEmpty()) {
      throw new IllegalArgumentException("a hit has at least one passage: " + document.id());
    }
  }
}
