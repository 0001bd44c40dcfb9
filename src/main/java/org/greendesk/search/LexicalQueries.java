package org.greendesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the BM25 query: every term of the question in each field, with the field's boost. A term the index has
 * never seen is most likely a typo, so it is matched fuzzily (one or two edits, transpositions count as one).
 */
final class LexicalQueries {
  private static final int MIN_FUZZY_LENGTH = 4;
  private static final int MAX_FUZZY_EXPANSIONS = 10;

  private final Analyzer analyzer;
  private final Map<String, Float> fieldBoosts;
  private final boolean fuzzy;

  LexicalQueries(Analyzer analyzer, RetrievalSettings settings) {
    this.analyzer = analyzer;
    this.fieldBoosts = Map.of(IndexFields.TITLE, settings.titleBoost(), IndexFields.ALIASES, settings.aliasBoost(),
        IndexFields.TOPICS, settings.topicBoost(), IndexFields.BODY, settings.bodyBoost());
    this.fuzzy = settings.fuzzy();
  }

  Query build(IndexSearcher searcher, List<String> terms) throws IOException {
    Set<String> unknown = fuzzy ? unknownTerms(searcher, terms) : Set.of();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> field : fieldBoosts.entrySet()) {
      if (field.getValue() <= 0) {
        continue;
      }
      BooleanQuery.Builder perField = new BooleanQuery.Builder();
      for (String term : terms) {
        Term t = new Term(field.getKey(), term);
        perField.add(unknown.contains(term)
            ? new FuzzyQuery(t, term.length() >= 7 ? 2 : 1, 1, MAX_FUZZY_EXPANSIONS, true)
            : new TermQuery(t), BooleanClause.Occur.SHOULD);
      }
      query.add(new BoostQuery(perField.build(), field.getValue()), BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }

  private Set<String> unknownTerms(IndexSearcher searcher, List<String> terms) throws IOException {
    Set<String> unknown = new LinkedHashSet<>();
    for (String term : terms) {
      if (term.length() < MIN_FUZZY_LENGTH || term.chars().allMatch(Character::isDigit)) {
        continue;
      }
      boolean seen = false;
      for (String field : fieldBoosts.keySet()) {
        seen |= searcher.getIndexReader().docFreq(new Term(field, term)) > 0;
      }
      if (!seen) {
        unknown.add(term);
      }
    }
    return unknown;
  }

  /** The distinct analysed terms of a text, in order of first appearance. */
  static List<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(IndexFields.BODY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(terms);
  }
}
