package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.greendesk.knowledge.KnowledgeFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /greendesk reindex} on a knowledge folder of the test's own, through signed requests and real Bolt. */
class SlackReindexIT {
  @TempDir Path data;
  @TempDir Path knowledge;
  private SlackService running;
  private FakeSlackApi slack;
  private SignedRequests requests;

  @BeforeEach
  void start() throws Exception {
    running = new SlackService(data, knowledge, "USTAFF,UBOSS");
    slack = running.slack;
    requests = running.requests;
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  private void addHeatPumpDocument() {
    KnowledgeFiles.write(knowledge, "funding/beta-heat-pumps.md", KnowledgeFiles.document("beta-heat-pumps",
        "Beta loans for heat pumps", "funding", "Beta loans finance heat pumps for workshops at zero interest."));
  }

  @Test
  void should_reload_the_knowledge_for_staff_and_report_what_changed() throws Exception {
    addHeatPumpDocument();

    HttpResponse<String> ack = requests.command("reindex", "USTAFF");
    String report = slack.next("hooks");
    HttpResponse<String> answer = requests.command("ask Beta loans for heat pumps", "UBOSS");

    assertThat(ack.body()).contains("ephemeral", "Reloading the knowledge");
    assertThat(report).contains("Knowledge reloaded", "2 documents", "added (1): beta-heat-pumps", "unchanged: 1");
    assertThat(answer.body()).contains("Beta loans for heat pumps");
    assertThat(running.greenDesk.knowledge().documents()).hasSize(2);
  }

  @Test
  void should_report_the_sections_of_a_changed_document_whose_text_changed() throws Exception {
    KnowledgeFiles.write(knowledge, "funding/alpha-grant.md", KnowledgeFiles.document("alpha-grant",
        "Alpha grant for solar panels", "funding", "The Alpha grant pays half the cost of solar panels on roofs.\n\n"
            + "## Who can apply\nWorkshops with fewer than 50 staff."));

    requests.command("reindex", "USTAFF");
    String report = slack.next("hooks");

    assertThat(report).contains("Knowledge reloaded", "changed (1):", "alpha-grant: sections Who can apply",
        "unchanged: 0");
  }

  @Test
  void should_report_a_broken_file_and_keep_serving_the_old_knowledge() throws Exception {
    addHeatPumpDocument();
    KnowledgeFiles.write(knowledge, "guide/broken.md", "---\nid: broken\ncategory: guide\n---\n# No title\n");

    requests.command("reindex", "USTAFF");
    String report = slack.next("hooks");
    HttpResponse<String> answer = requests.command("ask Alpha grant for solar panels", "USTAFF");

    assertThat(report).contains("Knowledge not reloaded", "still serving the previous version", "`guide/broken.md:",
        "title").doesNotContain(knowledge.toString());
    assertThat(running.greenDesk.knowledge().documents()).extracting(d -> d.id()).containsExactly("alpha-grant");
    assertThat(answer.body()).contains("Alpha grant for solar panels");
  }

  @Test
  void should_refuse_reindex_from_a_non_staff_user() throws Exception {
    addHeatPumpDocument();

    HttpResponse<String> refused = requests.command("reindex", "UINTERN");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("ephemeral", "Only GreenDesk staff can reload the knowledge");
    assertThat(slack.poll(call -> call.startsWith("hooks"), 1500)).as("no reload report").isNull();
    assertThat(running.greenDesk.knowledge().documents()).extracting(d -> d.id()).containsExactly("alpha-grant");
  }
}
