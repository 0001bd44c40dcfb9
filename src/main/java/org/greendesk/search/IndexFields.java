package org.greendesk.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/** Names of the passage index's fields and the analysis each gets; shared by the writer and the searcher. */
final class IndexFields {
  static final String PASSAGE_ID = "pid";
  static final String DOCUMENT_ID = "doc";
  static final String DOCUMENT_HASH = "dochash";
  static final String ORDINAL = "ord";
  static final String HEADING = "heading";
  static final String TEXT = "text";
  static final String CATEGORY = "category";
  static final String ECONOMY = "economy";
  static final String TITLE = "title";
  static final String ALIASES = "aliases";
  static final String TOPICS = "topics";
  static final String BODY = "body";
  static final String VECTOR = "vector";
  static final String KIND = "kind";
  static final String SENTENCE_VECTORS = "sentence_vectors";

  /** Bumped whenever the fields, their analysis or the chunking change, so that old indexes are rebuilt. */
  static final String FORMAT = "8";

  private IndexFields() {}

  /** English analysis (stop words, possessives, Porter stemming) for the text fields, ids kept whole. */
  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
        Map.of(PASSAGE_ID, new KeywordAnalyzer(), DOCUMENT_ID, new KeywordAnalyzer(), CATEGORY, new KeywordAnalyzer(),
            ECONOMY, new KeywordAnalyzer()));
  }
}
