package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greendesk.knowledge.KnowledgeFiles.document;
import static org.greendesk.knowledge.KnowledgeFiles.write;

import java.nio.file.Files;
import java.nio.file.Path;
import org.greendesk.knowledge.Chunker;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageIndexTest {
  @TempDir Path knowledge;
  @TempDir Path indexFolder;

  private KnowledgeBase load() throws Exception {
    return new KnowledgeLoader().load(knowledge);
  }

  private PassageIndex open(Embedder embedder) {
    return new PassageIndex(indexFolder, embedder, new Chunker(), RetrievalSettings.defaults());
  }

  @Test
  void should_build_once_then_reuse_the_persisted_index() throws Exception {
    write(knowledge, "guide/a.md", document("a", "Apples", "guide", "Apples grow on trees.\n\n## Care\nWater them."));
    write(knowledge, "guide/b.md", document("b", "Bread", "guide", "Bread needs flour."));
    try (PassageIndex index = open(new HashingEmbedder())) {
      IndexChanges first = index.sync(load());
      assertThat(first.rebuilt()).isTrue();
      assertThat(first.added()).containsExactly("a", "b");
      assertThat(first.passages()).isEqualTo(3);
    }

    try (PassageIndex reopened = open(new HashingEmbedder())) {
      IndexChanges second = reopened.sync(load());
      assertThat(second.nothingChanged()).isTrue();
      assertThat(second.unchanged()).isEqualTo(2);
      assertThat(second.passages()).isEqualTo(3);
    }
  }

  @Test
  void should_reindex_only_changed_added_and_removed_documents() throws Exception {
    write(knowledge, "guide/a.md", document("a", "Apples", "guide", "Apples grow on trees."));
    write(knowledge, "guide/b.md", document("b", "Bread", "guide", "Bread needs flour."));
    try (PassageIndex index = open(new HashingEmbedder())) {
      index.sync(load());
      write(knowledge, "guide/a.md", document("a", "Apples", "guide", "Apples grow on trees.\n\n## Harvest\nIn autumn."));
      Files.delete(knowledge.resolve("guide/b.md"));
      write(knowledge, "guide/c.md", document("c", "Cheese", "guide", "Cheese needs milk."));

      IndexChanges changes = index.sync(load());

      assertThat(changes.changed()).containsExactly("a");
      assertThat(changes.added()).containsExactly("c");
      assertThat(changes.removed()).containsExactly("b");
      assertThat(changes.unchanged()).isZero();
      assertThat(changes.rebuilt()).isFalse();
      assertThat(changes.passages()).isEqualTo(3);
    }
  }

  @Test
  void should_rebuild_when_the_embedding_model_changes() throws Exception {
    write(knowledge, "guide/a.md", document("a", "Apples", "guide", "Apples grow on trees."));
    try (PassageIndex index = open(new HashingEmbedder("model-one"))) {
      index.sync(load());
    }
    try (PassageIndex index = open(new HashingEmbedder("model-two"))) {
      IndexChanges changes = index.sync(load());
      assertThat(changes.rebuilt()).isTrue();
      assertThat(changes.passages()).isEqualTo(1);
    }
  }
}
