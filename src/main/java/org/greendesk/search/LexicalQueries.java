package org.greendesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the BM25 query: every term of the question in each field, with the field's boost. A word the index has
 * never seen is most likely a typo, so it is matched fuzzily (one or two edits, transpositions count as one);
 * a term with a digit in it is not.
 * Thread safe.
 */
final class LexicalQueries {
  private static final int MIN_FUZZY_LENGTH = 4;
  private static final int MAX_FUZZY_EXPANSIONS = 10;
  /** Fuzzy expansions kept per index reader, beyond which the cache starts afresh. */
  private static final int MAX_CACHED_EXPANSIONS = 20_000;

  private final Analyzer analyzer;
  private final Map<String, Float> fieldBoosts;
  private final boolean fuzzy;
  /**
   * Fuzzy terms as the reader they were expanded on rewrote them: building the edit-distance automata was a third
   * of a search's time, and the same typos come back. A rewritten query is only valid on its own reader, hence
   * one map per reader, forgotten with it.
   */
  private final Map<IndexReader.CacheKey, Map<String, Query>> expansions =
      Collections.synchronizedMap(new WeakHashMap<>());

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
        perField.add(unknown.contains(term) ? fuzzy(searcher, t) : new TermQuery(t), BooleanClause.Occur.SHOULD);
      }
      query.add(new BoostQuery(perField.build(), field.getValue()), BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }

  private Query fuzzy(IndexSearcher searcher, Term term) throws IOException {
    Query query = new FuzzyQuery(term, term.text().length() >= 7 ? 2 : 1, 1, MAX_FUZZY_EXPANSIONS, true);
    IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
    if (helper == null) {
      return query;
    }
    Map<String, Query> cache = expansions.computeIfAbsent(helper.getKey(), key -> new ConcurrentHashMap<>());
    String key = term.field() + '\u0000' + term.text();
    Query rewritten = cache.get(key);
    if (rewritten == null) {
      rewritten = searcher.rewrite(query);
      if (cache.size() >= MAX_CACHED_EXPANSIONS) {
        cache.clear();
      }
      cache.put(key, rewritten);
    }
    return rewritten;
  }

  private Set<String> unknownTerms(IndexSearcher searcher, List<String> terms) throws IOException {
    Set<String> unknown = new LinkedHashSet<>();
    for (String term : terms) {
      // Numbers and codes (2023/956, iso14001) are typed as they are read; a near one is another number.
      if (term.length() < MIN_FUZZY_LENGTH || term.chars().anyMatch(Character::isDigit)) {
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
