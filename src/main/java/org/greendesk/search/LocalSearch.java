package org.greendesk.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Version;
import org.greendesk.base.Hashes;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.LanguagePack;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds documents for a question written in another language than the documents: by their local names and
 * summaries, analysed as that language is (a Lucene index held in memory), by the local names the question holds,
 * and by the glossary's English terms for its words, which the English search then looks for. Thread safe.
 *
 * <p>The index is kept in a folder between starts, named by a hash of the names and summaries it holds: reading it
 * back spares the start the analysis, and with it the loading of every language's dictionaries, which then load
 * when a question in that language first comes.
 */
public final class LocalSearch {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSearch.class);
  private static final String ID = "id";
  private static final String LANGUAGE = "language";
  private static final float NAME_BOOST = 3;
  /** A run of Latin letters, digits and joiners in another script's text: an acronym, a number, a name. */
  private static final Pattern LATIN_TOKEN = Pattern.compile("[\\p{IsLatin}\\d][\\p{IsLatin}\\d.\\-/]*");

  private final Map<String, LanguagePack> packs;
  private final Map<String, KnowledgeDocument> documents;
  private final LocalAnalyzers analyzers = new LocalAnalyzers();
  private final IndexSearcher searcher;
  /** Per language: each glossary key and document name as matched in a question, longest first. */
  private final Map<String, List<Entry>> entries = new HashMap<>();

  /** Something a question may hold: a glossary word (its English terms), or a document's local name. */
  private record Entry(String key, List<String> english, String documentId) {}

  private final EconomyLexicon economies;

  /** Built in memory at each start, kept nowhere. */
  public LocalSearch(KnowledgeBase base) {
    this(base, null);
  }

  /**
   * @param folder where the index is kept between starts; {@code null} to build it each time. A folder that cannot
   *     be written costs only the time to build.
   */
  public LocalSearch(KnowledgeBase base, @Nullable Path folder) {
    this.packs = base.languages();
    this.documents = base.byId();
    this.economies = base.economies();
    try {
      this.searcher = new IndexSearcher(DirectoryReader.open(folder == null ? write(new ByteBuffersDirectory())
          : kept(folder)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the index of local names", e);
    }
    packs.values().forEach(pack -> entries.put(pack.code(), entries(pack)));
  }

  /** The index read into memory from the folder, built there first when the folder has none of these packs. */
  private Directory kept(Path folder) throws IOException {
    Path stored = folder.resolve(fingerprint());
    try {
      if (!Files.isDirectory(stored)) {
        StoredIndex.build(folder, stored, this::write);
      }
      return StoredIndex.read(stored);
    } catch (IOException e) {
      LOG.warn("the index of local names could not be kept in {}, built in memory: {}", folder, e.toString());
      return write(new ByteBuffersDirectory());
    }
  }

  /** A hash of what the index holds and of how it is analysed. */
  private String fingerprint() {
    StringBuilder text = new StringBuilder(Version.LATEST.toString());
    new TreeMap<>(packs).forEach((code, pack) -> new TreeMap<>(pack.documents()).forEach((id, local) ->
        text.append('\0').append(code).append('\0').append(id).append('\0').append(String.join("\n", local.names()))
            .append('\0').append(local.summary())));
    return Hashes.sha256(text.toString()).substring(0, 24);
  }

  private <D extends Directory> D write(D directory) throws IOException {
    Map<String, Analyzer> fields = new HashMap<>();
    packs.keySet().forEach(code -> {
      fields.put(names(code), analyzers.of(code));
      fields.put(summary(code), analyzers.of(code));
    });
    try (IndexWriter writer = new IndexWriter(directory,
        new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.of("en"), fields)))) {
      for (LanguagePack pack : packs.values()) {
        for (Map.Entry<String, LanguagePack.Local> e : pack.documents().entrySet()) {
          Document doc = new Document();
          doc.add(new StringField(ID, e.getKey(), Field.Store.YES));
          doc.add(new StringField(LANGUAGE, pack.code(), Field.Store.NO));
          doc.add(new TextField(names(pack.code()), String.join("\n", e.getValue().names()), Field.Store.NO));
          doc.add(new TextField(summary(pack.code()), e.getValue().summary(), Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      writer.commit();
    }
    return directory;
  }

  private static List<Entry> entries(LanguagePack pack) {
    List<Entry> all = new ArrayList<>();
    pack.glossary().forEach((word, english) -> all.add(new Entry(LocalText.normal(word), english, "")));
    pack.documents().forEach((id, local) -> local.names().forEach(n -> all.add(new Entry(LocalText.normal(n), List.of(), id))));
    all.sort(Comparator.comparingInt((Entry e) -> e.key().length()).reversed());
    return all;
  }

  /**
   * Loads every language's analysis (its dictionaries: most of a second for Korean) so that the first question in
   * each is not the one to wait for it. The dictionaries are loaded once per process, whatever the reloads.
   */
  public void warm() {
    packs.keySet().forEach(code -> LexicalQueries.terms(analyzers.of(code), "warm"));
  }

  /** True when the folder has local names for this language. */
  public boolean speaks(String language) {
    return packs.containsKey(language);
  }

  /**
   * What a question in another language says in English terms, for the English search: the documents it names
   * (their English names), its glossary words' English terms, and the acronyms and numbers it holds as they are.
   *
   * @param named the ids of the documents it calls by a local name, longest name first
   */
  public record Translation(String english, List<String> named) {
    public Translation {
      named = List.copyOf(named);
    }
  }

  public Translation translate(String language, String question) {
    String text = LocalText.normal(question);
    boolean[] taken = new boolean[text.length()];
    Set<String> english = new LinkedHashSet<>();
    Set<String> named = new LinkedHashSet<>();
    boolean spaced = LocalText.spaced(language);
    // Korean writes its particles onto the word ("마감이"): a word must start where a name starts, not end there.
    boolean endsWords = spaced && !language.equals("ko");
    for (Entry entry : entries.getOrDefault(language, List.of())) {
      for (int at = LocalText.find(text, entry.key(), 0, spaced, endsWords); at >= 0;
          at = LocalText.find(text, entry.key(), at + 1, spaced, endsWords)) {
        if (free(taken, at, entry.key().length())) {
          mark(taken, at, entry.key().length());
          if (entry.documentId().isEmpty()) {
            english.addAll(entry.english());
          } else if (named.add(entry.documentId())) {
            KnowledgeDocument d = documents.get(entry.documentId());
            english.add(d == null ? entry.documentId() : d.shortName());
          }
        }
      }
    }
    Matcher latin = LATIN_TOKEN.matcher(question);
    while (latin.find()) {
      String token = latin.group();
      // In a Latin-script language only acronyms, numbers and the names of economies are English enough to search
      // for as they are.
      if (!LocalText.latinScript(language) || token.chars().filter(Character::isUpperCase).count() >= 2
          || token.chars().anyMatch(Character::isDigit) || !economies.find(token).isEmpty()) {
        english.add(token);
      }
    }
    return new Translation(String.join(" ", english), List.copyOf(named));
  }

  /**
   * The documents whose local names and summary best match the question, best first, as the language's
   * analysis reads them; empty for a language without local names.
   */
  public List<String> rank(String language, String question, int limit) {
    if (!speaks(language)) {
      return List.of();
    }
    try {
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      for (String term : LexicalQueries.terms(analyzers.of(language), question)) {
        words.add(new BoostQuery(new TermQuery(new Term(names(language), term)), NAME_BOOST), BooleanClause.Occur.SHOULD);
        words.add(new TermQuery(new Term(summary(language), term)), BooleanClause.Occur.SHOULD);
      }
      Query query = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(LANGUAGE, language)), BooleanClause.Occur.FILTER)
          .add(words.build(), BooleanClause.Occur.MUST).build();
      List<String> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
        ids.add(searcher.storedFields().document(hit.doc).get(ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("local search failed", e);
    }
  }

  /** The document's first local name in the language, if the folder has one. */
  public Optional<String> name(String language, String documentId) {
    LanguagePack pack = packs.get(language);
    return pack == null ? Optional.empty() : pack.document(documentId).map(l -> l.names().get(0));
  }

  /** The document's summary in the language, if the folder has one. */
  public Optional<String> summary(String language, String documentId) {
    LanguagePack pack = packs.get(language);
    return pack == null ? Optional.empty() : pack.document(documentId).map(LanguagePack.Local::summary);
  }

  private static String names(String language) {
    return "names_" + language;
  }

  private static String summary(String language) {
    return "summary_" + language;
  }

  private static boolean free(boolean[] taken, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static void mark(boolean[] taken, int from, int length) {
    for (int i = from; i < from + length; i++) {
      taken[i] = true;
    }
  }
}
