package org.greendesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeLoader;
import org.greendesk.knowledge.LanguagePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSearchTest {
  /** A question in each language, by language. */
  private static final Map<String, String> QUESTIONS = Map.of("ko", "탄소국경조정제도 신고 기한",
      "ja", "炭素国境調整措置の報告", "vi", "thuế carbon Singapore", "th", "ภาษีคาร์บอน", "zh", "碳边境调节机制");
  private static KnowledgeBase base;

  @BeforeAll
  static void load() throws Exception {
    base = new KnowledgeLoader().load(Path.of("knowledge"));
  }

  @Test
  void should_rank_the_same_from_the_index_kept_in_a_folder_as_from_one_built_in_memory(@TempDir Path folder)
      throws IOException {
    // given an index built into the folder at one start
    LocalSearch built = new LocalSearch(base, folder);
    List<Path> kept = folders(folder);

    // when the next start reads it back
    LocalSearch read = new LocalSearch(base, folder);

    // then both rank every language's question as the one built in memory does, from the one folder
    LocalSearch memory = new LocalSearch(base);
    for (Map.Entry<String, String> asked : QUESTIONS.entrySet()) {
      String language = asked.getKey();
      String question = asked.getValue();
      assertThat(read.rank(language, question, 5)).isEqualTo(memory.rank(language, question, 5))
          .isEqualTo(built.rank(language, question, 5)).isNotEmpty();
    }
    assertThat(kept).hasSize(1);
    assertThat(folders(folder)).isEqualTo(kept);
  }

  @Test
  void should_build_again_and_drop_the_old_index_when_the_local_names_change(@TempDir Path folder)
      throws IOException {
    // given an index kept for the knowledge as it is
    new LocalSearch(base, folder);
    List<Path> before = folders(folder);

    // when a language's names change
    Map<String, LanguagePack> languages = new HashMap<>(base.languages());
    LanguagePack korean = languages.get("ko");
    Map<String, LanguagePack.Local> documents = new HashMap<>(korean.documents());
    documents.put("eu-cbam", new LanguagePack.Local(List.of("탄소 장벽"), documents.get("eu-cbam").summary()));
    languages.put("ko", new LanguagePack("ko", korean.name(), documents, korean.glossary()));
    KnowledgeBase renamed = new KnowledgeBase(base.documents(), base.economies(), base.calendar(),
        base.contentHash(), base.warnings(), languages);
    LocalSearch search = new LocalSearch(renamed, folder);

    // then the new name is found, from a new folder that replaced the old one
    assertThat(search.rank("ko", "탄소 장벽", 1)).containsExactly("eu-cbam");
    assertThat(folders(folder)).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  private static List<Path> folders(Path folder) throws IOException {
    try (Stream<Path> all = Files.list(folder)) {
      return all.sorted().toList();
    }
  }
}
