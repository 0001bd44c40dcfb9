package org.greendesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The shipped logback.xml with the logging settings applied, writing to a captured standard error. */
class LogsTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final LoggerContext context = new LoggerContext();
  private PrintStream stderr;

  @BeforeEach
  void configure() throws Exception {
    stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
  }

  @AfterEach
  void restore() {
    MDC.clear();
    context.stop();
    System.setErr(stderr);
  }

  private String logWhileHandling(String level, boolean json) {
    Logs.apply(context, new Settings.Logging(level, json));
    Logger log = context.getLogger("org.greendesk.delivery.OutboxSender");
    MDC.put("conversation", "42");
    MDC.put("channel", "telegram");
    log.debug("the SME wrote: my secret question");
    log.info("outbox 7 to telegram failed, retrying");
    MDC.clear();
    log.info("outside any conversation");
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void should_name_the_channel_and_conversation_on_text_lines_and_keep_debug_out_at_info() {
    String lines = logWhileHandling("INFO", false);

    assertThat(lines).contains("[telegram#42] - outbox 7 to telegram failed, retrying")
        .contains("OutboxSender - outside any conversation")
        .doesNotContain("secret question", "[#]");
  }

  @Test
  void should_write_one_json_object_a_line_with_the_mdc_when_asked() throws Exception {
    String lines = logWhileHandling("INFO", true);

    JsonNode first = new ObjectMapper().readTree(lines.lines().findFirst().orElseThrow());
    assertThat(lines.lines()).hasSize(2);
    assertThat(first.path("level").asText()).isEqualTo("INFO");
    assertThat(first.path("formattedMessage").asText()).isEqualTo("outbox 7 to telegram failed, retrying");
    assertThat(first.path("mdc").path("conversation").asText()).isEqualTo("42");
    assertThat(first.path("mdc").path("channel").asText()).isEqualTo("telegram");
  }

  @Test
  void should_log_message_text_only_at_debug() {
    assertThat(logWhileHandling("DEBUG", false)).contains("my secret question");
  }
}
