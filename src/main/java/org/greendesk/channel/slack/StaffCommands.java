package org.greendesk.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Source;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationStore;

/**
 * {@code /greendesk}: {@code ask QUESTION} (the answer with its sources, visible to the asker only, with a button
 * to share it), {@code queue} (open escalations, oldest first, overdue flagged) and {@code help}. Anything else
 * gets the help. Answers come straight from the assistant, well within Slack's three seconds.
 */
final class StaffCommands {
  static final String SHARE = "share_answer";
  static final String HELP = "*GreenDesk* for staff:\n• `/greendesk ask QUESTION`: an answer with its sources, "
      + "shown to you only, with a button to share it\n• `/greendesk queue`: open escalations, oldest first\n"
      + "• `/greendesk help`: this list";
  /** Slack's limit for a button's value; longer questions are shared without the button. */
  private static final int MAX_BUTTON_VALUE = 2000;

  private final Supplier<Assistant> assistant;
  private final EscalationStore escalations;
  private final Clock clock;

  StaffCommands(Supplier<Assistant> assistant, EscalationStore escalations, Clock clock) {
    this.assistant = assistant;
    this.escalations = escalations;
    this.clock = clock;
  }

  SlashCommandResponse run(SlashCommandPayload command) {
    String text = command.getText() == null ? "" : command.getText().strip();
    String[] words = text.split("\\s+", 2);
    String rest = words.length > 1 ? words[1].strip() : "";
    return switch (words[0].toLowerCase(Locale.ROOT)) {
      case "ask" -> rest.isEmpty() ? ephemeral(List.of(section(s -> s.text(markdownText(
          "Ask a question after `ask`, e.g. `/greendesk ask Does CBAM apply to screws?`"))))) : ephemeral(ask(rest));
      case "queue" -> ephemeral(queue());
      default -> ephemeral(List.of(section(s -> s.text(markdownText(HELP)))));
    };
  }

  /** The answer as shared in a channel, credited to whoever shared it. */
  List<LayoutBlock> shared(String question, String userId) {
    List<LayoutBlock> blocks = new ArrayList<>(answer(question));
    blocks.add(0, context(c -> c.elements(List.of(markdownText("<@" + userId + "> asked: "
        + EscalationCard.escape(question))))));
    return blocks;
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
    Answer answer = assistant.get().reply(question, List.of(), 3).answer();
    List<LayoutBlock> blocks = new ArrayList<>();
    String text = EscalationCard.escape(answer.text());
    blocks.add(section(s -> s.text(markdownText(text.length() <= 2900 ? text : text.substring(0, 2900) + "…"))));
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

  private List<LayoutBlock> queue() {
    List<Escalation> open = escalations.open();
    if (open.isEmpty()) {
      return List.of(section(s -> s.text(markdownText("No open escalations."))));
    }
    StringBuilder lines = new StringBuilder("*Open escalations, oldest first*");
    for (Escalation e : open) {
      lines.append("\n• #").append(e.id()).append(' ')
          .append(EscalationCard.status(e, e.advisorId() == null ? "" : escalations.advisor(e.advisorId())
              .map(a -> EscalationCard.escape(a.name())).orElse("an advisor"), clock.instant()))
          .append(" · ").append(EscalationCard.escape(e.reason()));
    }
    String text = lines.length() <= 2900 ? lines.toString() : lines.substring(0, 2900) + "…";
    return List.of(section(s -> s.text(markdownText(text))));
  }

  private static SlashCommandResponse ephemeral(List<LayoutBlock> blocks) {
    return SlashCommandResponse.builder().responseType("ephemeral").blocks(blocks).build();
  }
}
