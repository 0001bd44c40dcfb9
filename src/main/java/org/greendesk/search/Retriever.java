package org.greendesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;
import org.jspecify.annotations.Nullable;

/**
 * Hybrid retrieval: BM25 and vector rankings of passages, fused by weighted reciprocal rank, grouped by document
 * (a document scores as its best passage), with documents serving an economy named in the question lifted.
 * Thread safe.
 */
public final class Retriever {
  /** Keeps a pasted essay from turning into a query of thousands of clauses. */
  private static final int MAX_TERMS = 64;
  /**
   * Words of how people ask, not of what they ask about: a document is not less relevant for lacking "we" or
   * "what", so they do not count against its coverage. English grammar, not domain knowledge.
   */
  private static final String QUESTION_WORDS = "i me my we us our ours you your what which who whom whose when "
      + "where why how do does did doing done can could should would shall may might must have has had get got "
      + "need needs want wants now were am been being also still please tell know about any some here there "
      + "was is are be did put out get give find say said one ones thing things like";
  /** Coverage is a confidence signal for the first hits only; computing it further down would waste time. */
  private static final int COVERAGE_HITS = 3;
  /** Documents taken from each of the English and the local search before their orders are fused. */
  private static final int LOCAL_CANDIDATES = 20;
  /** The economy of documents that apply anywhere (the knowledge format's convention). */
  static final String EVERYWHERE = "Global";

  private final PassageIndex index;
  private final KnowledgeBase base;
  private final Map<String, KnowledgeDocument> documents;
  private final RetrievalSettings settings;
  private final LexicalQueries lexical;
  /** Built in the background: a second or two of analyzers' dictionaries that an English question never needs. */
  private final CompletableFuture<LocalSearch> local;
  private final Analyzer analyzer = IndexFields.analyzer();
  private final StoredPassages stored = new StoredPassages();
  /** Words of each document met so far, for coverage; filled as documents are hit. */
  private final Map<String, Set<String>> documentWords = new ConcurrentHashMap<>();
  private final Set<String> questionWords = Set.copyOf(LexicalQueries.terms(analyzer, QUESTION_WORDS));
  /** The sentence vectors of every passage read so far, by passage id: a few MiB for the whole base. */
  private final Map<String, List<float[]>> sentenceVectors = new ConcurrentHashMap<>();

  public Retriever(PassageIndex index, KnowledgeBase base, RetrievalSettings settings) {
    this.index = index;
    this.base = base;
    this.documents = base.byId();
    this.settings = settings;
    this.lexical = new LexicalQueries(analyzer, settings);
    this.local = CompletableFuture.supplyAsync(() -> new LocalSearch(base, index.localNamesFolder()));
  }

  private LocalSearch local() {
    return local.join();
  }

  /** Loads what a question in another language needs, for a service to do once it is up. */
  public void warm() {
    local().warm();
  }

  /** True when the knowledge folder has local names and summaries in this language. */
  public boolean speaks(String language) {
    return local().speaks(language);
  }

  /** The document's summary in the language, if the knowledge folder has one. */
  public Optional<String> summary(String language, String documentId) {
    return local().summary(language, documentId);
  }

  /** The document's first local name in the language, if the knowledge folder has one. */
  public Optional<String> localName(String language, String documentId) {
    return local().name(language, documentId);
  }

  /**
   * What a question in another language says in English terms, for the English search: the documents it names
   * by a local name, its glossary words' English terms, its acronyms and numbers; blank when it holds none.
   */
  public String translate(String language, String question) {
    return local().translate(language, question).english();
  }

  /**
   * Searches for a question written in another language than the documents: the English search for what its
   * words mean, its order then fused with the order of the documents' local names and summaries as that language's
   * analysis matches them, the documents the question names by a local name first.
   *
   * @param english the English search for the question ({@link #translate}, completed for a follow-up)
   */
  public SearchResult searchIn(String language, String question, SearchQuery english) {
    if (english.text().isBlank()) {
      return new SearchResult(english, List.of(), List.of(), english.economies(), null, null);
    }
    SearchResult found = search(new SearchQuery(english.text(), Math.max(english.topK(), LOCAL_CANDIDATES),
        english.mode(), english.economies(), english.onlyTheseEconomies(), english.category()));
    List<String> localOrder = local().rank(language, question, LOCAL_CANDIDATES);
    List<String> englishOrder = found.hits().stream().map(h -> h.document().id()).toList();
    Map<String, Double> fused = new HashMap<>(RankFusion.reciprocalRank(List.of(englishOrder, localOrder),
        List.of(settings.bm25Weight() + settings.denseWeight(), settings.bm25Weight()), settings.rrfK()));
    local().translate(language, question).named().forEach(id -> fused.computeIfPresent(id, (k, v) -> v + 1));
    List<DocumentHit> hits = found.hits().stream()
        .sorted(Comparator.comparingDouble((DocumentHit h) -> -fused.getOrDefault(h.document().id(), 0.0)))
        .limit(english.topK()).toList();
    return new SearchResult(found.query(), hits, found.terms(), found.economies(), found.queryVector(),
        found.sentenceVector());
  }

  public SearchResult search(SearchQuery query) {
    Set<String> economies = new LinkedHashSet<>(base.economies().find(query.text()));
    economies.addAll(query.economies());
    List<String> terms = LexicalQueries.terms(analyzer, query.text());
    if (terms.size() > MAX_TERMS) {
      terms = terms.subList(0, MAX_TERMS);
    }
    try {
      IndexSearcher searcher = index.acquire();
      try {
        boolean dense = query.mode() != SearchMode.BM25 && !query.text().isBlank();
        float[] vector = dense ? index.embedder().embedQuery(query.text()) : null;
        Embedder sentences = index.sentenceEmbedder();
        float[] sentenceVector = !dense || sentences == null ? null
            : sentences == index.embedder() ? vector : sentences.embedQuery(query.text());
        return new SearchResult(query, rank(searcher, query, terms, economies, vector), terms, economies, vector,
            sentenceVector);
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }

  private List<DocumentHit> rank(IndexSearcher searcher, SearchQuery query, List<String> terms, Set<String> economies,
      float @Nullable [] vector) throws IOException {
    Map<String, Passage> passages = new HashMap<>();
    List<List<String>> rankings = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Map<String, Double> similarities = new HashMap<>();
    double lowestSimilarity = 0;
    if (query.mode() != SearchMode.DENSE && !terms.isEmpty()) {
      TopDocs top = searcher.search(lexical.build(searcher, terms), settings.candidates());
      rankings.add(collect(searcher, top, passages, null));
      weights.add(settings.bm25Weight());
    }
    if (vector != null) {
      TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, settings.candidates()),
          settings.candidates());
      rankings.add(collect(searcher, top, passages, similarities));
      weights.add(settings.denseWeight());
      // Lucene scales DOT_PRODUCT scores to (1 + cos) / 2; the last hit bounds the similarity of the rest.
      lowestSimilarity = top.scoreDocs.length == 0 ? 0 : 2 * top.scoreDocs[top.scoreDocs.length - 1].score - 1;
    }
    if (rankings.isEmpty()) {
      return List.of();
    }
    Map<String, Double> fused = RankFusion.reciprocalRank(rankings, weights, settings.rrfK());
    double best = RankFusion.maxScore(weights, settings.rrfK());
    return group(fused, passages, similarities, lowestSimilarity, best, economies, terms, query);
  }

  private List<DocumentHit> group(Map<String, Double> fused, Map<String, Passage> passages,
      Map<String, Double> similarities, double lowestSimilarity, double best, Set<String> economies,
      List<String> terms, SearchQuery query) {
    Map<String, List<String>> byDocument = new LinkedHashMap<>();
    Map<String, Double> documentScores = new HashMap<>();
    fused.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> {
          String documentId = passages.get(e.getKey()).documentId();
          byDocument.computeIfAbsent(documentId, id -> new ArrayList<>()).add(e.getKey());
          documentScores.merge(documentId, e.getValue() / best, Math::max);
        });
    List<DocumentHit> hits = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : byDocument.entrySet()) {
      KnowledgeDocument document = documents.get(entry.getKey());
      if (document == null) {
        continue;
      }
      double score = documentScores.get(entry.getKey());
      // Lowering the others rather than lifting the matches keeps scores within 0..1.
      if (!serves(document, economies)) {
        score /= 1 + settings.economyBoost();
      }
      if (query.category() != null && !query.category().equals(document.category())) {
        score /= 1 + settings.economyBoost();
      }
      List<Passage> found = entry.getValue().stream().map(passages::get).toList();
      // A curated question is close to any question of the same form ("what is the X price today?"): the
      // document's own text tells better how close it is to what is asked.
      double similarity = entry.getValue().stream().filter(id -> passages.get(id).kind() != PassageKind.QUESTION)
          .mapToDouble(id -> similarities.getOrDefault(id, -1.0)).max()
          .orElse(-1);
      hits.add(new DocumentHit(document, score, found, similarity < -0.5 ? lowestSimilarity : similarity, 0));
    }
    if (query.onlyTheseEconomies() && hits.stream().anyMatch(h -> serves(h.document(), economies))) {
      hits.removeIf(h -> !serves(h.document(), economies));
    }
    List<DocumentHit> ranked = hits.stream()
        .sorted(Comparator.comparingDouble(DocumentHit::score).reversed())
        .limit(query.topK())
        .toList();
    List<DocumentHit> result = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      DocumentHit hit = ranked.get(i);
      result.add(new DocumentHit(hit.document(), hit.score(), hit.passages(), hit.similarity(),
          i < COVERAGE_HITS ? coverage(terms, hit) : 0));
    }
    return result;
  }

  /** True when no economy is asked for, or the document serves one of them or every economy. */
  private static boolean serves(KnowledgeDocument document, Set<String> economies) {
    return economies.isEmpty()
        || document.economies().stream().anyMatch(e -> economies.contains(e) || e.equals(EVERYWHERE));
  }

  private double coverage(List<String> allTerms, DocumentHit hit) {
    List<String> terms = allTerms.stream().filter(t -> !questionWords.contains(t)).toList();
    if (terms.isEmpty()) {
      return 0;
    }
    Set<String> words = documentWords.computeIfAbsent(hit.document().id(), id -> words(hit.document()));
    return terms.stream().filter(words::contains).count() / (double) terms.size();
  }

  /** Every word of a document, as the index knows them: its title, aliases, topics and body. */
  private Set<String> words(KnowledgeDocument document) {
    String text = document.title() + "\n" + String.join("\n", document.aliases()) + "\n"
        + String.join("\n", document.topics()) + "\n" + document.body();
    return Set.copyOf(LexicalQueries.terms(analyzer, text));
  }

  private List<String> collect(IndexSearcher searcher, TopDocs top, Map<String, Passage> passages,
      Map<String, Double> similarities) throws IOException {
    List<String> ranking = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      StoredPassages.Stored found = stored.get(searcher, hit.doc);
      Passage passage = found.passage();
      String id = passage.id();
      sentenceVectors.putIfAbsent(id, found.sentenceVectors());
      passages.putIfAbsent(id, passage);
      if (similarities != null) {
        similarities.put(id, 2.0 * hit.score - 1);
      }
      ranking.add(id);
    }
    return ranking;
  }

  /**
   * The vectors of a found passage's sentences, in the order {@link PassageIndex#sentences} gives them: a pair's
   * questions by the search's model (compare them with {@link SearchResult#queryVector}), a passage's sentences by
   * the sentence model ({@link SearchResult#sentenceVector}); empty for a passage this retriever has not returned.
   */
  public List<float[]> sentenceVectors(Passage passage) {
    return sentenceVectors.getOrDefault(passage.id(), List.of());
  }

  public KnowledgeBase knowledgeBase() {
    return base;
  }

  /** The inverse document frequency of an analysed term in the passage bodies, for weighting words. */
  public double idf(String term) {
    try {
      IndexSearcher searcher = index.acquire();
      try {
        int n = searcher.getIndexReader().numDocs();
        int df = searcher.getIndexReader().docFreq(new org.apache.lucene.index.Term(IndexFields.BODY, term));
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True for a word of how people ask ("what", "did", "we"), as the index analyses it. */
  public boolean isQuestionWord(String term) {
    return questionWords.contains(term);
  }

  /** The text's words as the index knows them: the composer compares sentences with the question this way. */
  public List<String> analyse(String text) {
    return LexicalQueries.terms(analyzer, text);
  }
}
