package org.greendesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;
import org.greendesk.knowledge.QuestionPair;
import org.greendesk.knowledge.Sentences;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene index of passages, persisted in a folder. {@link #sync} brings it in line with a knowledge base,
 * touching only the documents whose content changed, and does nothing at all when the base's content hash and
 * the embedding model are those of the last commit. Searches go through one shared {@link SearcherManager}.
 *
 * <p>Thread safe: searches may run while a sync commits; they see the old or the new index, never a mix.
 */
public final class PassageIndex implements AutoCloseable {
  private static final String KNOWLEDGE_HASH = "knowledge_hash";
  private static final String MODEL = "model";
  private static final String FORMAT = "format";

  private final Directory directory;
  private final Embedder embedder;
  private final @Nullable Embedder sentenceEmbedder;
  private final Chunker chunker;
  private final Path folder;
  private final BM25Similarity similarity;
  private @Nullable SearcherManager searchers;

  /** An index that keeps every sentence's vector, made by the same model as the passages'. */
  public PassageIndex(Path folder, Embedder embedder, Chunker chunker, RetrievalSettings settings) {
    this(folder, embedder, embedder, chunker, settings);
  }

  /**
   * @param embedder embeds passages, for the search
   * @param sentenceEmbedder embeds every sentence, for answers; {@code null} for an index that keeps none, as a
   *     retrieval benchmark's (its corpus would take many times longer to build). A smaller model than the
   *     passages' keeps the build short: sentences are five times as many as passages. A curated pair's questions
   *     are embedded by the passages' model, whatever this is: a question is matched against them like a passage.
   */
  public PassageIndex(Path folder, Embedder embedder, @Nullable Embedder sentenceEmbedder, Chunker chunker,
      RetrievalSettings settings) {
    this.sentenceEmbedder = sentenceEmbedder;
    this.folder = folder;
    try {
      this.directory = FSDirectory.open(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index folder " + folder, e);
    }
    this.embedder = embedder;
    this.chunker = chunker;
    this.similarity = new BM25Similarity(settings.k1(), settings.b());
  }

  /** Where the index of the documents' names and summaries in other languages is kept: beside this one. */
  public Path localNamesFolder() {
    return folder.resolveSibling(folder.getFileName() + "-local");
  }

  /** Brings the index in line with the base; returns what changed. Only one sync may run at a time. */
  public synchronized IndexChanges sync(KnowledgeBase base) throws IOException {
    long start = System.nanoTime();
    Map<String, String> committed = commitData();
    boolean sameSetup = embedder.modelId().equals(committed.get(MODEL)) && format().equals(committed.get(FORMAT));
    if (sameSetup && base.contentHash().equals(committed.get(KNOWLEDGE_HASH))) {
      openSearchers();
      return new IndexChanges(List.of(), List.of(), List.of(), base.documents().size(), passageCount(), false,
          Duration.ofNanos(System.nanoTime() - start));
    }
    Map<String, String> indexed = sameSetup ? indexedDocumentHashes() : Map.of();
    IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer()).setSimilarity(similarity)
        .setOpenMode(sameSetup ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<KnowledgeDocument> toWrite = new ArrayList<>();
    for (KnowledgeDocument document : base.documents()) {
      String hash = indexed.get(document.id());
      if (hash == null) {
        added.add(document.id());
        toWrite.add(document);
      } else if (!hash.equals(document.contentHash())) {
        changed.add(document.id());
        toWrite.add(document);
      }
    }
    Set<String> current = new HashSet<>(base.byId().keySet());
    List<String> removed = indexed.keySet().stream().filter(id -> !current.contains(id)).sorted().toList();
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String id : removed) {
        writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, id));
      }
      write(writer, toWrite);
      writer.setLiveCommitData(Map.of(KNOWLEDGE_HASH, base.contentHash(), MODEL, embedder.modelId(),
          FORMAT, format()).entrySet());
      writer.commit();
    }
    openSearchers();
    int unchanged = base.documents().size() - added.size() - changed.size();
    return new IndexChanges(added, changed, removed, unchanged, passageCount(), !sameSetup,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void write(IndexWriter writer, List<KnowledgeDocument> documents) throws IOException {
    List<Passage> passages = new ArrayList<>();
    Map<String, KnowledgeDocument> owners = new HashMap<>();
    for (KnowledgeDocument document : documents) {
      owners.put(document.id(), document);
      passages.addAll(chunker.chunk(document));
    }
    // Passages, and a pair's questions, by the search's model: a pair's own vector is the mean of its questions',
    // since a question is best found by its like. Sentences by the sentence model.
    List<String> texts = new ArrayList<>();
    passages.forEach(p -> texts.addAll(p.kind() == PassageKind.QUESTION ? sentences(p)
        : List.of(denseText(owners.get(p.documentId()), p))));
    List<float[]> vectors = embedder.embedPassages(texts);
    List<String> sentenceTexts = new ArrayList<>();
    passages.stream().filter(p -> p.kind() != PassageKind.QUESTION).forEach(p -> sentenceTexts.addAll(embedded(p)));
    List<float[]> sentenceVectors = sentenceEmbedder == null ? List.of()
        : sentenceEmbedder.embedPassages(sentenceTexts);
    Map<String, List<Document>> byDocument = new HashMap<>();
    int next = 0;
    int nextSentence = 0;
    for (Passage passage : passages) {
      float[] vector;
      List<float[]> own;
      if (passage.kind() == PassageKind.QUESTION) {
        own = vectors.subList(next, next + sentences(passage).size());
        next += own.size();
        vector = mean(own);
      } else {
        vector = vectors.get(next++);
        own = sentenceVectors.subList(nextSentence, nextSentence + embedded(passage).size());
        nextSentence += own.size();
      }
      byDocument.computeIfAbsent(passage.documentId(), id -> new ArrayList<>())
          .add(toLucene(owners.get(passage.documentId()), passage, vector, own));
    }
    for (KnowledgeDocument document : documents) {
      writer.updateDocuments(new Term(IndexFields.DOCUMENT_ID, document.id()),
          byDocument.getOrDefault(document.id(), List.of()));
    }
  }

  /** The index's format, with the model of its sentence vectors, if it keeps any. */
  private String format() {
    return IndexFields.FORMAT + "/" + (sentenceEmbedder == null ? "no-sentences" : sentenceEmbedder.modelId());
  }

  /** A passage's sentences, to embed by the sentence model when sentences are kept. */
  private List<String> embedded(Passage passage) {
    return sentenceEmbedder == null ? List.of() : sentences(passage);
  }

  /** The mean of unit vectors, scaled to unit length again. */
  private static float[] mean(List<float[]> vectors) {
    float[] sum = new float[vectors.get(0).length];
    vectors.forEach(v -> {
      for (int i = 0; i < v.length; i++) {
        sum[i] += v[i];
      }
    });
    double norm = 0;
    for (float x : sum) {
      norm += x * x;
    }
    float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-9));
    for (int i = 0; i < sum.length; i++) {
      sum[i] *= scale;
    }
    return sum;
  }

  /**
   * The texts whose vectors an answer compares with the question: a pair's questions, or a passage's sentences
   * as {@link Sentences} cuts them.
   */
  static List<String> sentences(Passage passage) {
    return passage.kind() == PassageKind.QUESTION ? QuestionPair.parse(passage.text()).questions()
        : Sentences.of(passage.text());
  }

  /** The text embedded for a passage: the title and heading give a bare section its subject. */
  static String denseText(KnowledgeDocument document, Passage passage) {
    String heading = passage.heading().isEmpty() ? "" : passage.heading() + "\n";
    return document.title() + "\n" + heading + passage.text();
  }

  private static Document toLucene(KnowledgeDocument owner, Passage passage, float[] vector,
      List<float[]> sentenceVectors) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.PASSAGE_ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(IndexFields.DOCUMENT_ID, passage.documentId(), Field.Store.YES));
    doc.add(new StringField(IndexFields.DOCUMENT_HASH, owner.contentHash(), Field.Store.YES));
    doc.add(new StringField(IndexFields.CATEGORY, owner.category(), Field.Store.YES));
    owner.economies().forEach(e -> doc.add(new StringField(IndexFields.ECONOMY, e, Field.Store.YES)));
    doc.add(new StoredField(IndexFields.ORDINAL, passage.ordinal()));
    doc.add(new StoredField(IndexFields.HEADING, passage.heading()));
    doc.add(new StoredField(IndexFields.TEXT, passage.text()));
    doc.add(new StoredField(IndexFields.KIND, passage.kind().name()));
    doc.add(new StoredField(IndexFields.SENTENCE_VECTORS, SentenceVectors.pack(sentenceVectors)));
    doc.add(new TextField(IndexFields.TITLE, owner.title(), Field.Store.NO));
    doc.add(new TextField(IndexFields.ALIASES, String.join("\n", owner.aliases()), Field.Store.NO));
    doc.add(new TextField(IndexFields.TOPICS, String.join("\n", owner.topics()), Field.Store.NO));
    doc.add(new TextField(IndexFields.BODY, passage.heading() + "\n" + passage.text(), Field.Store.NO));
    doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  private Map<String, String> commitData() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Map.of();
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData();
    }
  }

  private Map<String, String> indexedDocumentHashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    if (!DirectoryReader.indexExists(directory)) {
      return hashes;
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      for (var leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            Document doc = fields.document(i, Set.of(IndexFields.DOCUMENT_ID, IndexFields.DOCUMENT_HASH));
            hashes.put(doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.DOCUMENT_HASH));
          }
        }
      }
    }
    return hashes;
  }

  private void openSearchers() throws IOException {
    if (searchers == null) {
      searchers = new SearcherManager(directory, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
            org.apache.lucene.index.IndexReader previousReader) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(similarity);
          return searcher;
        }
      });
    } else {
      searchers.maybeRefreshBlocking();
    }
  }

  /** How many passages the searchers see now; throws when the index is closed or was never synced. */
  public int passageCount() throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  /** A searcher to use and hand back with {@link #release}; the index must have been synced once. */
  IndexSearcher acquire() throws IOException {
    if (searchers == null) {
      throw new IllegalStateException("the index has not been synced with a knowledge base yet");
    }
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    if (searchers != null) {
      searchers.release(searcher);
    }
  }

  Embedder embedder() {
    return embedder;
  }

  /** The model of the sentence vectors, or {@code null} when the index keeps none. */
  @Nullable Embedder sentenceEmbedder() {
    return sentenceEmbedder;
  }

  @Override
  public synchronized void close() throws IOException {
    if (searchers != null) {
      searchers.close();
    }
    directory.close();
  }
}
