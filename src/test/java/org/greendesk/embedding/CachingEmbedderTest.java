package org.greendesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.greendesk.search.Embedder;
import org.greendesk.search.HashingEmbedder;
import org.junit.jupiter.api.Test;

class CachingEmbedderTest {

  /** The fake embedder, counting what reaches it. */
  private static final class CountingEmbedder implements Embedder {
    private final HashingEmbedder vectors = new HashingEmbedder();
    final List<String> queries = new ArrayList<>();
    int passageCalls;

    @Override
    public String modelId() {
      return vectors.modelId();
    }

    @Override
    public synchronized float[] embedQuery(String text) {
      queries.add(text);
      return vectors.embedQuery(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      passageCalls++;
      return vectors.embedPassages(texts);
    }
  }

  private final CountingEmbedder model = new CountingEmbedder();

  @Test
  void should_embed_a_repeated_question_once() {
    CachingEmbedder cache = new CachingEmbedder(model, 10);

    float[] first = cache.embedQuery("What is CBAM?");
    float[] again = cache.embedQuery("What is CBAM?");

    assertThat(again).isEqualTo(first);
    assertThat(model.queries).containsExactly("What is CBAM?");
  }

  @Test
  void should_forget_the_least_recently_asked_question_beyond_its_capacity() {
    CachingEmbedder cache = new CachingEmbedder(model, 2);
    cache.embedQuery("a");
    cache.embedQuery("b");
    cache.embedQuery("a"); // a is now the most recent

    cache.embedQuery("c");
    cache.embedQuery("a");
    cache.embedQuery("b");

    assertThat(model.queries).containsExactly("a", "b", "c", "b");
  }

  @Test
  void should_pass_passages_and_the_model_id_through() {
    CachingEmbedder cache = new CachingEmbedder(model, 2);

    cache.embedPassages(List.of("one", "two"));
    cache.embedPassages(List.of("one", "two"));

    assertThat(model.passageCalls).isEqualTo(2);
    assertThat(cache.modelId()).isEqualTo(model.modelId());
  }
}
