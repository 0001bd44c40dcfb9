package org.greendesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.knowledge.KnowledgeFiles;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.RetrievalSettings;
import org.greendesk.web.LocalHttp;
import org.greendesk.web.LocalHttp.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff change the knowledge without a developer: a copy of some of the project's knowledge documents is edited,
 * reloaded with {@code POST /api/reindex} over real HTTP, and the next answer says what the document says now.
 */
class ReindexApiIT {
  private static final String TOKEN = "staff-token-0123456789abcdef";
  private static final Map<String, String> STAFF = Map.of("Authorization", "Bearer " + TOKEN);
  private static final String QUESTION = "{\"q\": \"When is the first annual CBAM declaration due?\"}";

  @TempDir Path data;
  @TempDir Path knowledge;
  private GreenDesk greenDesk;
  private Service service;
  private LocalHttp http;

  @BeforeEach
  void serve() throws Exception {
    copy(knowledge, "knowledge.yaml", "regulation/eu-cbam.md", "regulation/eu-ets.md", "funding/fund-eu-life.md");
    Settings settings = Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_KNOWLEDGE_DIR",
        knowledge.toString(), "GREENDESK_HTTP_PORT", "0", "GREENDESK_API_TOKEN", TOKEN));
    greenDesk = GreenDesk.open(settings, new HashingEmbedder(), RetrievalSettings.defaults(), Clock.systemUTC());
    service = Service.start(settings, greenDesk, new RecordingDesk(), Clock.systemUTC());
    http = new LocalHttp(service.httpPort());
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
    greenDesk.close();
  }

  @Test
  void should_serve_an_edited_document_at_once_and_report_its_changed_sections() throws Exception {
    String before = http.post("/api/ask", QUESTION).json().get("answer").asText();
    Path cbam = knowledge.resolve("regulation/eu-cbam.md");
    Files.writeString(cbam, Files.readString(cbam).replace("30 September 2027", "31 October 2027"));

    Reply reindexed = http.post("/api/reindex", "", STAFF);
    String after = http.post("/api/ask", QUESTION).json().get("answer").asText();

    assertThat(before).contains("30 September 2027");
    assertThat(reindexed.status()).as(reindexed.body()).isEqualTo(200);
    JsonNode report = reindexed.json();
    assertThat(report.fieldNames()).toIterable()
        .containsExactly("documents", "added", "removed", "changed", "warnings");
    assertThat(report.get("documents").asInt()).isEqualTo(greenDesk.knowledge().documents().size());
    assertThat(report.get("added")).isEmpty();
    assertThat(report.get("removed")).isEmpty();
    assertThat(report.get("changed")).singleElement().satisfies(changed -> {
      assertThat(changed.fieldNames()).toIterable().containsExactly("id", "sections");
      assertThat(changed.get("id").asText()).isEqualTo("eu-cbam");
      assertThat(changed.get("sections").toString()).contains("\"Questions\"").doesNotContain("Who is covered");
    });
    assertThat(after).contains("31 October 2027").doesNotContain("30 September 2027");
  }

  @Test
  void should_refuse_a_reindex_without_the_staff_token_and_change_nothing() throws Exception {
    KnowledgeFiles.write(knowledge, "funding/new-grant.md", KnowledgeFiles.document("new-grant",
        "New grant for heat pumps", "funding", "The New grant pays heat pumps."));

    Reply none = http.post("/api/reindex", "");
    Reply wrong = http.post("/api/reindex", "", Map.of("Authorization", "Bearer " + TOKEN + "x"));

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error").asText()).contains("staff token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(greenDesk.knowledge().document("new-grant")).isEmpty();
  }

  @Test
  void should_report_a_broken_file_with_its_line_and_keep_the_previous_knowledge() throws Exception {
    KnowledgeFiles.write(knowledge, "guide/broken.md", KnowledgeFiles.document("broken", "Broken guide", "guide",
        "A guide.").replace("reviewed: 2026-11-01", "reviewed: last week"));
    int documents = greenDesk.knowledge().documents().size();

    Reply refused = http.post("/api/reindex", "", STAFF);
    String answer = http.post("/api/ask", QUESTION).json().get("answer").asText();

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("error").asText()).contains("previous knowledge is still served");
    assertThat(refused.json().get("problems")).singleElement().satisfies(problem -> assertThat(problem.asText())
        .isEqualTo("guide/broken.md:9: reviewed must be a date YYYY-MM-DD: last week"));
    assertThat(refused.body()).doesNotContain(knowledge.toString());
    assertThat(greenDesk.knowledge().documents()).hasSize(documents);
    assertThat(answer).contains("30 September 2027");
  }

  /** Copies these files of the project's knowledge folder, keeping their place in it. */
  private static void copy(Path to, String... files) throws IOException {
    for (String file : files) {
      Path target = to.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(Path.of("knowledge").resolve(file), target);
    }
  }
}
