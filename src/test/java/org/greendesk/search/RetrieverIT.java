package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.greendesk.embedding.OnnxEmbedder;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rankings from a real Lucene index and the real embedding model, over a small knowledge folder of another
 * domain (driving rules): nothing about the green economy is needed for retrieval to work.
 */
class RetrieverIT {
  @TempDir static Path indexFolder;
  private static PassageIndex index;
  private static Retriever retriever;

  @BeforeAll
  static void build() throws Exception {
    KnowledgeBase base = new KnowledgeLoader().load(Path.of("src/test/resources/fixtures/driving"));
    index = new PassageIndex(indexFolder, new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL), new Chunker(),
        RetrievalSettings.defaults());
    index.sync(base);
    retriever = new Retriever(index, base, RetrievalSettings.defaults());
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  private static List<String> ids(String query, SearchMode mode) {
    return retriever.search(new SearchQuery(query, 5, mode, Set.of())).hits().stream()
        .map(h -> h.document().id()).toList();
  }

  @Test
  void should_favour_the_economy_named_in_the_question() {
    assertThat(ids("how do I get a driving licence in France", SearchMode.HYBRID)).first().isEqualTo("fr-licence");
    assertThat(ids("how do I get a British driving licence", SearchMode.HYBRID)).first().isEqualTo("uk-licence");
  }

  @Test
  void should_match_aliases_from_front_matter() {
    assertThat(ids("do I need an IDP", SearchMode.BM25)).first().isEqualTo("jp-permit");
    assertThat(ids("ULEZ charge", SearchMode.BM25)).first().isEqualTo("low-emission-zones");
  }

  @Test
  void should_find_documents_despite_typos() {
    assertThat(ids("wintr tyers", SearchMode.BM25)).first().isEqualTo("winter-tyres");
    assertThat(ids("low emision zoens", SearchMode.BM25)).first().isEqualTo("low-emission-zones");
  }

  @Test
  void should_find_by_meaning_without_shared_words() {
    assertThat(ids("what should my car wear when it snows", SearchMode.DENSE)).first().isEqualTo("winter-tyres");
  }

  @Test
  void should_group_passages_by_document_and_score_within_zero_and_one() {
    SearchResult result = retriever.search(SearchQuery.of("French licence exchange for foreigners", 5));

    assertThat(result.hits()).extracting(h -> h.document().id()).doesNotHaveDuplicates();
    assertThat(result.hits().get(0).document().id()).isEqualTo("fr-licence");
    assertThat(result.hits().get(0).passages()).extracting(p -> p.heading()).contains("Exchanging a foreign licence");
    assertThat(result.hits()).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    assertThat(result.hits()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  @Test
  void should_return_nothing_for_a_query_with_no_words() {
    assertThat(retriever.search(new SearchQuery("?!", 3, SearchMode.BM25, Set.of())).hits()).isEmpty();
  }
}
