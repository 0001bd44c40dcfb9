package org.greendesk.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;

/**
 * An escalation as a Block Kit card: the brief, its state and age, and the buttons its state allows (Claim while
 * queued; Resolve, Release and Return to bot while claimed; none once closed).
 */
final class EscalationCard {
  static final String CLAIM = "escalation_claim";
  static final String RESOLVE = "escalation_resolve";
  static final String RELEASE = "escalation_release";
  static final String RETURN = "escalation_return";

  private EscalationCard() {}

  /**
   * @param brief the handoff brief (already escaped for Slack)
   * @param holder the name of the advisor holding it, or {@code null}
   */
  static List<LayoutBlock> blocks(Escalation e, String brief, String holder, Instant now) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(brief))));
    blocks.add(context(c -> c.elements(List.of(markdownText(status(e, holder, now))))));
    List<BlockElement> buttons = switch (e.state()) {
      case QUEUED -> List.of(button(CLAIM, "Claim", e.id(), "primary"));
      case CLAIMED -> List.of(button(RESOLVE, "Resolve", e.id(), "primary"), button(RELEASE, "Release", e.id(), null),
          button(RETURN, "Return to bot", e.id(), null));
      default -> List.of();
    };
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.elements(buttons)));
    }
    return blocks;
  }

  /** The one line under the brief: the state, who holds it and since when, the age. */
  static String status(Escalation e, String holder, Instant now) {
    String age = "opened " + ago(e.createdAt(), now);
    return switch (e.state()) {
      case QUEUED -> (e.overdue() ? ":warning: *Overdue.* " : "") + "Waiting for an advisor · " + age;
      case CLAIMED -> ":speech_balloon: Claimed by *" + holder + "* " + ago(e.claimedAt(), now)
          + " · replies in this thread go to the SME (start with `note:` to keep one internal) · " + age;
      case RESOLVED -> ":white_check_mark: Resolved by *" + holder + "* · " + age;
      case RETURNED -> ":robot_face: Returned to the bot by *" + holder + "* · " + age;
    };
  }

  private static String ago(Instant then, Instant now) {
    if (then == null) {
      return "";
    }
    Duration d = Duration.between(then, now);
    return d.toMinutes() < 1 ? "just now" : d.toHours() < 1 ? d.toMinutes() + " min ago"
        : d.toDays() < 1 ? d.toHours() + " h ago" : d.toDays() + " d ago";
  }

  private static ButtonElement button(String action, String label, long id, String style) {
    return ButtonElement.builder().actionId(action).text(plainText(label)).value(String.valueOf(id)).style(style)
        .build();
  }

  /** Text from SMEs and documents shown as text: Slack's three control characters escaped, so no mention fires. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
