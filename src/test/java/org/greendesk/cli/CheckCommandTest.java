package org.greendesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.greendesk.config.Settings;
import org.junit.jupiter.api.Test;

/** {@code check} as a person or another tool runs it, on the project's knowledge; it needs no index. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KOREAN_EXPORTER = "{\"id\": \"kr-1\", \"economy\": \"Korea\", \"sector\": "
      + "\"steel parts manufacturing\", \"products\": [\"steel screws\"], \"exports_to\": [\"EU\"], \"employees\": 40}";

  private record Run(int exit, String out, String err) {
    List<JsonNode> lines() throws Exception {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : out.strip().split("\n")) {
        nodes.add(JSON.readTree(line));
      }
      return nodes;
    }
  }

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(Settings.from(Map.of()), new Terminal(new ByteArrayInputStream(stdin.getBytes(
        StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void should_write_one_answer_a_line_and_an_error_object_for_a_bad_line_without_stopping() throws Exception {
    String batch = String.join("\n", KOREAN_EXPORTER, "{not json", "{\"id\": \"x\", \"economy\": \"Atlantis\"}",
        "{\"economy\": \"Japan\"}", "{\"id\": \"jp-1\", \"economy\": \"Japan\", \"employees\": 12}") + "\n";

    Run run = run(batch, "check", "--json", "-");

    assertThat(run.exit()).isEqualTo(1);
    List<JsonNode> lines = run.lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).fieldNames()).toIterable().containsExactly("id", "applies", "to_check", "funding",
        "events");
    assertThat(lines.get(0).get("to_check").get(0).fieldNames()).toIterable()
        .containsExactly("id", "title", "why", "next_date");
    assertThat(lines.get(0).get("to_check").findValuesAsText("id")).contains("eu-cbam");
    assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(lines.get(1).get("error").asText()).startsWith("invalid JSON");
    assertThat(lines.get(2).get("id").asText()).isEqualTo("x");
    assertThat(lines.get(2).get("error").asText()).startsWith("unknown economy 'Atlantis'");
    assertThat(lines.get(3).get("error").asText()).startsWith("missing \"id\"");
    assertThat(lines.get(4).get("id").asText()).isEqualTo("jp-1");
  }

  @Test
  void should_print_a_profile_for_a_person() {
    Run run = run("", "check", KOREAN_EXPORTER);

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Applies to you", "To check (", "EU Carbon Border Adjustment Mechanism (CBAM) "
        + "[eu-cbam], next date 20", "Not an obligation on you", "Funding you may be eligible for", "Events to come");
  }

  @Test
  void should_refuse_a_malformed_single_profile_with_a_usage_exit_code() {
    Run run = run("", "check", "--json", "{\"id\": \"1\", \"employees\": -1}");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("employees must be a number of 0 or more");
  }
}
