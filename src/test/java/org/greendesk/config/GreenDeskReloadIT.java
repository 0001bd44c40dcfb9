package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.greendesk.assistant.Answer;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.knowledge.KnowledgeFiles;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.Reindexed;
import org.greendesk.search.RetrievalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading the knowledge while questions are being answered. */
class GreenDeskReloadIT {
  @TempDir Path data;
  @TempDir Path knowledge;

  private GreenDesk open() throws Exception {
    return GreenDesk.open(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_KNOWLEDGE_DIR",
        knowledge.toString())), new HashingEmbedder(), RetrievalSettings.defaults(), Clock.systemUTC());
  }

  private void write(int version) {
    KnowledgeFiles.write(knowledge, "funding/alpha-grant.md", KnowledgeFiles.document("alpha-grant",
        "Alpha grant for solar panels", "funding", "The Alpha grant pays " + version + " percent of solar panels."));
  }

  @Test
  void should_keep_answering_while_the_knowledge_is_reloaded() throws Exception {
    write(0);
    ExecutorService askers = Executors.newFixedThreadPool(3);
    AtomicBoolean reloading = new AtomicBoolean(true);
    try (GreenDesk desk = open()) {
      List<Future<Integer>> asked = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        asked.add(askers.submit(() -> {
          int answers = 0;
          while (reloading.get() || answers == 0) {
            Answer answer = desk.assistant().reply("Alpha grant for solar panels", List.of(), 3).answer();
            assertThat(answer.sources()).extracting(s -> s.id()).containsExactly("alpha-grant");
            answers++;
          }
          return answers;
        }));
      }
      List<Reindexed> reloads = new ArrayList<>();
      for (int version = 1; version <= 5; version++) {
        write(version);
        reloads.add(desk.reload());
      }
      reloading.set(false);

      for (Future<Integer> answers : asked) {
        assertThat(answers.get()).isPositive();
      }
      assertThat(reloads).allSatisfy(reindexed -> assertThat(reindexed.knowledge().changed()).containsExactly(
          new KnowledgeChanges.ChangedDocument("alpha-grant", List.of(KnowledgeChanges.INTRODUCTION))));
      assertThat(desk.knowledge().documents().get(0).body()).contains("5 percent");
    } finally {
      askers.shutdownNow();
    }
  }
}
