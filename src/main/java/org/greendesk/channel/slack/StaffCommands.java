package org.greendesk.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.greendesk.handoff.EscalationIds;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Source;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.knowledge.KnowledgeProblem;
import org.greendesk.search.Reindexed;
import org.greendesk.stats.Period;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /greendesk}: {@code ask QUESTION} (the answer with its sources, visible to the asker only, with a button
 * to share it), {@code queue} (open escalations, oldest first, overdue flagged), {@code stats [today|7d|30d]}
 * (the desk's figures over the period), {@code reindex} (staff only:
 * reload the knowledge and say what changed) and {@code help}. Anything else gets the help. Slack waits three
 * seconds for the acknowledgement: an answer ready within {@link #ANSWER_IN_ACK} comes in it, a slower one (a
 * language model's) after it; a reindex is acknowledged first and reported after.
 */
final class StaffCommands {
  private static final Logger LOG = LoggerFactory.getLogger(StaffCommands.class);
  static final String SHARE = "share_answer";
  static final String HELP = "*GreenDesk* for staff:\n• `/greendesk ask QUESTION`: an answer with its sources, "
      + "shown to you only, with a button to share it\n• `/greendesk queue`: open escalations, oldest first\n"
      + "• `/greendesk stats [today|7d|30d]`: questions, answered vs routed to a person, feedback, median time to "
      + "claim and to resolve, documents to check, followers and reminders sent\n"
      + "• `/greendesk reindex`: reload the knowledge folder and report what changed (staff only)\n"
      + "• `/greendesk dismiss 12 13 20-25`: take queued escalations out of the queue as spam (staff only)\n"
      + "• `/greendesk help`: this list";
  /** Slack's limit for a button's value; longer questions are shared without the button. */
  private static final int MAX_BUTTON_VALUE = 2000;
  private static final String REINDEX_LANE = "slack:reindex";
  /** How long an answer may take to come in the acknowledgement, well inside Slack's three seconds. */
  private static final Duration ANSWER_IN_ACK = Duration.ofMillis(2000);

  private final SlackServices services;

  StaffCommands(SlackServices services) {
    this.services = services;
  }

  Response run(SlashCommandPayload command, SlashCommandContext ctx) {
    String text = command.getText() == null ? "" : command.getText().strip();
    String[] words = text.split("\\s+", 2);
    String rest = words.length > 1 ? words[1].strip() : "";
    return switch (words[0].toLowerCase(Locale.ROOT)) {
      case "ask" -> rest.isEmpty() ? ctx.ack(ephemeral(
          "Ask a question after `ask`, e.g. `/greendesk ask Does CBAM apply to screws?`"))
          : ask(rest, command.getUserId(), ctx);
      case "queue" -> ctx.ack(ephemeral(QueueText.of("Open escalations, oldest first",
          services.escalations().open(), services.escalations(),
          services.clock().instant())));
      case "stats" -> ctx.ack(ephemeral(stats(rest)));
      case "reindex" -> reindex(command.getUserId(), ctx);
      case "dismiss" -> ctx.ack(ephemeral(dismiss(command.getUserId(), rest)));
      default -> ctx.ack(ephemeral(HELP));
    };
  }

  /** Staff only: queued escalations taken out of the queue as spam, "12 13 20-25". */
  private String dismiss(String userId, String ids) {
    if (!services.isStaff(userId)) {
      return "Only GreenDesk staff can dismiss escalations (`GREENDESK_SLACK_STAFF` lists who).";
    }
    try {
      List<Long> dismissed = services.handoffs().dismiss(EscalationIds.parse(ids), "<@" + userId + ">");
      return dismissed.isEmpty() ? "Nothing dismissed: none of those escalations is queued."
          : "Dismissed " + dismissed.size() + " queued escalation(s): " + dismissed + ".";
    } catch (IllegalArgumentException e) {
      return "Say which escalations, e.g. `/greendesk dismiss 12 13 20-25`: " + e.getMessage();
    }
  }

  private String stats(String period) {
    try {
      Period parsed = Period.parse(period, services.clock());
      return FiguresText.of(services.stats().figures(parsed)) + "\n" + FiguresText.of(services.stats().follows(parsed))
          + "\n" + KnowledgeText.line(services.knowledge().get(), LocalDate.now(services.clock()));
    } catch (IllegalArgumentException e) {
      return "Say which period: " + Period.USAGE + ", e.g. `/greendesk stats 30d`.";
    }
  }

  /** Staff only: acknowledged at once, reloaded after, reported to the asker through the command's response URL. */
  private Response reindex(String userId, SlashCommandContext ctx) {
    if (!services.isStaff(userId)) {
      return ctx.ack(ephemeral("Only GreenDesk staff can reload the knowledge; ask one of them "
          + "(`GREENDESK_SLACK_STAFF` lists who)."));
    }
    services.lanes().submit(REINDEX_LANE, () -> {
      String report = reloadReport();
      try {
        ctx.respond(SlackBlocks.fit(report));
      } catch (IOException e) {
        LOG.warn("reindex report not delivered: {}", e.toString());
      }
    });
    return ctx.ack(ephemeral("Reloading the knowledge…"));
  }

  private String reloadReport() {
    try {
      Reindexed reindexed = services.reload().reload();
      return "*Knowledge reloaded*: in service now.\n```" + reindexed.report() + "```";
    } catch (KnowledgeFormatException e) {
      StringBuilder text = new StringBuilder(":warning: *Knowledge not reloaded*: still serving the previous "
          + "version. Fix these and run `/greendesk reindex` again:");
      for (KnowledgeProblem problem : e.problems()) {
        text.append("\n• `").append(EscalationCard.escape(problem.toString())).append('`');
      }
      return text.toString();
    } catch (IOException | RuntimeException e) {
      LOG.warn("reindex failed", e);
      return ":warning: *Knowledge not reloaded*: " + EscalationCard.escape(String.valueOf(e.getMessage()))
          + ". The previous version is still served.";
    }
  }

  /** The answer as shared in a channel, credited to whoever shared it. */
  List<LayoutBlock> shared(String question, String userId) {
    List<LayoutBlock> blocks = new ArrayList<>(answer(question));
    blocks.add(0, context(c -> c.elements(List.of(markdownText("<@" + userId + "> asked: "
        + EscalationCard.escape(question))))));
    return blocks;
  }

  /**
   * The answer in the acknowledgement when it is ready in time, as it is without a language model; else the
   * acknowledgement says so and the answer follows through the command's response URL.
   */
  private Response ask(String question, String userId, SlashCommandContext ctx) {
    AtomicReference<List<LayoutBlock>> answer = new AtomicReference<>();
    CompletableFuture<Void> asked = services.lanes().submit("slack:ask:" + userId, () -> answer.set(ask(question)));
    try {
      asked.get(ANSWER_IN_ACK.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      asked.thenRun(() -> respond(ctx, answer.get()));
      return ctx.ack(ephemeral("Looking it up…"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // The lane logged the failure; the answer stays empty.
    }
    return ctx.ack(ephemeral(answer.get() == null ? List.of(notAnswered()) : answer.get()));
  }

  private static LayoutBlock notAnswered() {
    return section(s -> s.text(markdownText("Sorry, the question could not be answered; please ask again.")));
  }

  private static void respond(SlashCommandContext ctx, @Nullable List<LayoutBlock> answer) {
    try {
      ctx.respond(answer == null ? List.of(notAnswered()) : answer);
    } catch (IOException e) {
      LOG.warn("answer not delivered: {}", e.toString());
    }
  }

  private List<LayoutBlock> ask(String question) {
    List<LayoutBlock> blocks = new ArrayList<>(answer(question));
    if (question.length() <= MAX_BUTTON_VALUE) {
      blocks.add(actions(a -> a.elements(List.of(ButtonElement.builder().actionId(SHARE)
          .text(plainText("Share in channel")).value(question).build()))));
    }
    return blocks;
  }

  private List<LayoutBlock> answer(String question) {
    Answer answer = services.assistant().get().reply(question, List.of(), 3).answer();
    List<LayoutBlock> blocks = new ArrayList<>();
    String text = SlackBlocks.fit(EscalationCard.escape(answer.text()));
    blocks.add(section(s -> s.text(markdownText(text))));
    List<String> sources = new ArrayList<>();
    for (Source source : answer.sources()) {
      String title = EscalationCard.escape(source.title());
      sources.add(source.url() == null ? title : "<" + source.url() + "|" + title + ">");
    }
    String footer = (sources.isEmpty() ? "No sources" : "Sources: " + String.join(" · ", sources))
        + String.format(Locale.ROOT, " · confidence %.2f · %s", answer.confidence(), answer.intent().wire());
    blocks.add(context(c -> c.elements(List.of(markdownText(footer)))));
    return blocks;
  }

  private static SlashCommandResponse ephemeral(List<LayoutBlock> blocks) {
    return SlashCommandResponse.builder().responseType("ephemeral").blocks(blocks).build();
  }

  private static SlashCommandResponse ephemeral(String mrkdwn) {
    return ephemeral(List.of(section(s -> s.text(markdownText(mrkdwn)))));
  }
}
