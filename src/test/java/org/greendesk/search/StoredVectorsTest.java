package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredVectorsTest {
  @TempDir Path folder;

  /** Counts the texts it is asked to embed. */
  private static final class CountingEmbedder implements Embedder {
    private final HashingEmbedder inner;
    private final List<String> embedded = new ArrayList<>();

    CountingEmbedder(String id) {
      inner = new HashingEmbedder(id);
    }

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public float[] embedQuery(String text) {
      return inner.embedQuery(text);
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      embedded.addAll(texts);
      return inner.embedPassages(texts);
    }
  }

  @Test
  void should_read_back_the_vectors_of_the_same_texts_without_embedding_them_again() {
    Path file = folder.resolve("vectors.bin");
    CountingEmbedder first = new CountingEmbedder("model-a");
    List<float[]> embedded = new StoredVectors(file, first).embedPassages(List.of("carbon tax", "talk to a person"));
    CountingEmbedder second = new CountingEmbedder("model-a");

    List<float[]> read = new StoredVectors(file, second).embedPassages(List.of("carbon tax", "talk to a person"));

    assertThat(second.embedded).isEmpty();
    assertThat(read).hasSize(2);
    assertThat(read.get(0)).containsExactly(embedded.get(0));
    assertThat(read.get(1)).containsExactly(embedded.get(1));
  }

  @Test
  void should_embed_again_when_the_texts_or_the_model_changed() {
    Path file = folder.resolve("vectors.bin");
    new StoredVectors(file, new CountingEmbedder("model-a")).embedPassages(List.of("carbon tax"));
    CountingEmbedder otherTexts = new CountingEmbedder("model-a");
    CountingEmbedder otherModel = new CountingEmbedder("model-b");

    new StoredVectors(file, otherTexts).embedPassages(List.of("carbon tax", "a grant"));
    new StoredVectors(file, otherModel).embedPassages(List.of("carbon tax", "a grant"));

    assertThat(otherTexts.embedded).containsExactly("carbon tax", "a grant");
    assertThat(otherModel.embedded).containsExactly("carbon tax", "a grant");
  }

  @Test
  void should_embed_when_the_stored_file_is_broken() throws Exception {
    Path file = folder.resolve("vectors.bin");
    Files.writeString(file, "not vectors");
    CountingEmbedder embedder = new CountingEmbedder("model-a");

    List<float[]> vectors = new StoredVectors(file, embedder).embedPassages(List.of("carbon tax"));

    assertThat(vectors).hasSize(1);
    assertThat(embedder.embedded).containsExactly("carbon tax");
  }
}
