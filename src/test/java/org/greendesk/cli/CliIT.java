package org.greendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.knowledge.KnowledgeFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user or another tool drives it, on the real knowledge base. */
class CliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {
    List<JsonNode> jsonLines() throws Exception {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.strip().split("\n")) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    }
  }

  private static Run run(String stdin, String... args) {
    return run(TestDesk.settings(), stdin, args);
  }

  private static Run run(Settings settings, String stdin, String... args) {
    TestDesk.get(); // the shared index is built once for every test of the run
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(settings, new Terminal(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void should_print_an_answer_with_sources_for_a_person() {
    Run run = run("", "ask", "What is CBAM?");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Sources:", "EU Carbon Border Adjustment Mechanism (CBAM)", "https://", "(reviewed 20");
  }

  @Test
  void should_print_the_contract_json_for_one_question() throws Exception {
    Run run = run("", "ask", "--json", "--top-k", "2", "What is CBAM?");

    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.fieldNames()).toIterable()
        .containsExactly("question", "answer", "sources", "confidence", "intent", "handoff", "reason");
    assertThat(answer.get("sources").size()).isBetween(1, 2);
    assertThat(answer.get("sources").get(0).fieldNames()).toIterable().containsExactly("id", "title", "url", "score");
    assertThat(answer.get("sources").get(0).get("id").asText()).isEqualTo("eu-cbam");
    assertThat(answer.get("intent").asText()).isEqualTo("regulation");
    assertThat(answer.get("handoff").asText()).isEqualTo("none");
  }

  @Test
  void should_answer_a_batch_by_conversation_and_report_a_bad_line_without_stopping() throws Exception {
    String batch = String.join("\n",
        "{\"q\": \"Do small firms pay the carbon tax in Singapore?\", \"id\": \"1\", \"conversation\": \"c1\"}",
        "{not json",
        "\"What is the EU LIFE programme?\"",
        "{\"id\": \"4\"}",
        "{\"q\": \"And what about Korea?\", \"id\": \"5\", \"conversation\": \"c1\"}") + "\n";

    Run run = run(batch, "ask", "--json", "-");

    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("id").asText()).isEqualTo("1");
    assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("error").asText()).startsWith("invalid JSON");
    assertThat(lines.get(2).get("sources").get(0).get("id").asText()).isEqualTo("fund-eu-life");
    assertThat(lines.get(3).get("id").asText()).isEqualTo("4");
    assertThat(lines.get(3).get("error").asText()).contains("missing \"q\"");
    assertThat(lines.get(4).get("id").asText()).isEqualTo("5");
    assertThat(lines.get(4).get("sources").get(0).get("id").asText()).startsWith("kr-");
    assertThat(run.exit()).isEqualTo(1);
  }

  @Test
  void should_rank_documents_only_for_search() throws Exception {
    Run run = run("", "search", "--json", "--top-k", "5", "deforestation due diligence for coffee");

    JsonNode result = JSON.readTree(run.out());
    assertThat(result.fieldNames()).toIterable().containsExactly("query", "results");
    assertThat(result.get("results").size()).isEqualTo(5);
    assertThat(result.get("results").get(0).get("id").asText()).isEqualTo("eu-eudr");
    assertThat(result.get("results").get(0).fieldNames()).toIterable().containsExactly("id", "title", "url", "score");
  }

  @Test
  void should_say_clearly_when_the_question_is_empty() {
    Run run = run("", "ask", "  ");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("The question is empty");
  }

  @Test
  void should_answer_a_fifty_thousand_character_question_with_a_request_to_shorten_it() throws Exception {
    Run run = run("", "ask", "--json", "x".repeat(50_000));

    assertThat(run.exit()).isZero();
    assertThat(JSON.readTree(run.out()).get("answer").asText()).contains("too long");
  }

  @Test
  void should_hold_a_conversation_in_chat(@TempDir Path data) {
    Run run = run(settingsWithData(data), "What is REACH?\ndoes it apply to shoes?\n/quit\n", "chat");

    assertThat(run.exit()).isZero();
    assertThat(run.out().split("greendesk> ")).hasSize(3);
    assertThat(run.out()).contains("REACH");
  }

  @Test
  void should_hand_a_terminal_chat_to_an_advisor_at_the_console_and_back(@TempDir Path data) {
    Settings settings = settingsWithData(data);
    run(settings, "", "advisor", "add", "--as", "kim", "--name", "Kim");

    Run chat = run(settings, "/advisor\n/quit\n", "chat", "--as", "minh");
    Run list = run(settings, "", "advisor", "list");
    Run refused = run(settings, "", "advisor", "reply", "1", "--as", "kim", "too", "early");
    run(settings, "", "advisor", "claim", "1", "--as", "kim");
    run(settings, "", "advisor", "reply", "1", "--as", "kim", "Hello", "Minh");
    Run show = run(settings, "", "advisor", "show", "1");
    Run back = run(settings, "/quit\n", "chat", "--as", "minh");
    run(settings, "", "advisor", "resolve", "1", "--as", "kim");
    Run rated = run(settings, "/rate 5\n/quit\n", "chat", "--as", "minh");

    assertThat(chat.out()).contains("connect you with an advisor");
    assertThat(list.out()).contains("#1 queued", "the SME asked for a person");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("only the advisor holding escalation 1 can reply");
    assertThat(show.out()).contains("queued->claimed by Kim", "advisor Kim: Hello Minh");
    assertThat(back.out()).contains("Kim has joined the conversation", "Kim: Hello Minh");
    assertThat(rated.out()).contains("How would you rate", "Thank you for your rating!");
  }

  private static Settings settingsWithData(Path data) throws RuntimeException {
    try {
      Path index = data.resolve("index");
      Files.createDirectories(index);
      // share the built index, so that the chat does not embed the knowledge base again
      try (var folders = Files.list(TestDesk.DATA.resolve("index"))) {
        for (Path folder : folders.toList()) {
          Path copy = index.resolve(folder.getFileName());
          Files.createDirectories(copy);
          try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
              if (!file.getFileName().toString().equals("write.lock")) {
                Files.copy(file, copy.resolve(file.getFileName()));
              }
            }
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Settings.from(java.util.Map.of("GREENDESK_DATA_DIR", data.toString()));
  }

  @Test
  void should_report_an_index_that_is_up_to_date() {
    Run run = run("", "index");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Index up to date", "nothing changed");
  }

  @Test
  void should_stop_index_on_a_broken_file_naming_file_and_line(@TempDir Path knowledge) throws Exception {
    KnowledgeFiles.write(knowledge, "guide/ok.md", KnowledgeFiles.document("ok", "OK", "guide", "Fine."));
    KnowledgeFiles.write(knowledge, "guide/broken.md", "---\nid: broken\ntitle: [oops\ncategory: guide\n---\nText.\n");

    Run run = run("", "index", "--knowledge", knowledge.toString());

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err()).contains("broken.md:", "invalid YAML", "nothing was indexed");
    assertThat(Files.exists(TestDesk.DATA.resolve("index"))).isTrue();
  }

  @Test
  void should_check_every_source_link_with_index_and_fail_on_a_broken_one(@TempDir Path knowledge,
      @TempDir Path data) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/grant") ? 200 : 404, -1);
      exchange.close();
    });
    server.start();
    String site = "http://127.0.0.1:" + server.getAddress().getPort();
    KnowledgeFiles.write(knowledge, "funding/grant.md", KnowledgeFiles.document("grant", "Grant", "funding", "A grant.")
        .replace("https://example.org/grant", site + "/grant"));
    KnowledgeFiles.write(knowledge, "funding/loan.md", KnowledgeFiles.document("loan", "Loan", "funding", "A loan.")
        .replace("https://example.org/loan", site + "/closed-loan"));

    Run run;
    try {
      run = run(Settings.from(java.util.Map.of("GREENDESK_DATA_DIR", data.toString())), "", "index", "--check-links",
          "--knowledge", knowledge.toString());
    } finally {
      server.stop(0);
    }

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("Index built", "Links: 2 checked, 1 broken",
        "funding/loan.md (source): 404 " + site + "/closed-loan").doesNotContain("grant.md");
  }

  @Test
  void should_work_the_same_on_a_knowledge_folder_of_another_domain() throws Exception {
    Run run = run("", "search", "--json", "--knowledge", "src/test/resources/fixtures/driving", "IDP for visitors");

    assertThat(JSON.readTree(run.out()).get("results").get(0).get("id").asText()).isEqualTo("jp-permit");
  }

  @Test
  void should_suggest_help_for_an_unknown_command() {
    Run run = run("", "teleport");

    assertThat(run.exit()).isNotZero();
    assertThat(run.err()).contains("Unmatched argument", "teleport");
  }

  @Test
  void should_name_the_setting_when_the_database_cannot_be_opened() {
    Settings unreachable = Settings.from(java.util.Map.of("GREENDESK_DATA_DIR", TestDesk.DATA.toString(),
        "GREENDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/greendesk"));

    Run run = run(unreachable, "", "advisor", "list");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot open the database at GREENDESK_DB_URL jdbc:postgresql://127.0.0.1:1/greendesk");
  }
}
