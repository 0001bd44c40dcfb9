package org.greendesk.handoff;

import java.time.Duration;
import java.util.List;

/**
 * What the advisors read of an escalation, in English, the staff's language: the brief that announces it and the
 * one-line updates of its thread. Formatting only: it changes nothing. Thread safe.
 */
public final class HandoffBrief {
  private static final int BRIEF_MESSAGES = 6;
  private static final int LINE_CHARS = 300;

  private final EscalationStore store;
  private final ConversationLog log;
  private final SmeDirectory smes;
  private final UnconfirmedFacts unconfirmed;
  private final SmeProfiles profiles;

  /**
   * @param unconfirmed what is unconfirmed in a cited document
   * @param profiles what the SME said about itself
   */
  public HandoffBrief(EscalationStore store, ConversationLog log, SmeDirectory smes, UnconfirmedFacts unconfirmed,
      SmeProfiles profiles) {
    this.store = store;
    this.log = log;
    this.smes = smes;
    this.unconfirmed = unconfirmed;
    this.profiles = profiles;
  }

  /**
   * Who the SME is (with their profile), what triggered the handoff and why, the language model's summary when one was written, what
   * the bot cited and what in it is unconfirmed, the last messages.
   *
   * @throws HandoffException when the escalation's conversation is gone
   */
  public String brief(Escalation e) {
    SmeDirectory.Sme sme = smes.sme(e.conversationId())
        .orElseThrow(() -> new HandoffException("no conversation " + e.conversationId()));
    StringBuilder brief = new StringBuilder()
        .append("Escalation #").append(e.id()).append(" · ").append(sme.name()).append(" on ").append(sme.channel())
        .append(profiles.line(e.conversationId()).map(line -> "\nProfile: " + line).orElse(""))
        .append("\nTopic: ").append(e.topic().isEmpty() ? "unknown" : e.topic())
        .append(e.economies().isEmpty() ? "" : " · Economies: " + String.join(", ", e.economies()))
        .append("\nReason: ").append(e.reason())
        .append("\nQuestion: ").append(oneLine(e.question()))
        .append(store.summary(e.id()).map(summary -> "\nSummary (by the language model): " + summary).orElse(""))
        .append("\nDocuments already cited: ").append(e.cited().isEmpty() ? "none" : String.join(", ", e.cited()));
    e.cited().forEach(id -> unconfirmed.note(id)
        .ifPresent(note -> brief.append("\nUnconfirmed in ").append(id).append(": ").append(oneLine(note))));
    if (e.suggestedAdvisorId() != null) {
      store.advisor(e.suggestedAdvisorId()).ifPresent(a -> brief.append("\nSuggested advisor: ").append(a.name()));
    }
    brief.append("\nLast messages:");
    lastMessages(e.conversationId(), sme.name(), BRIEF_MESSAGES).forEach(line -> brief.append("\n  ").append(line));
    return brief.toString();
  }

  /** The brief again, headed as overdue. */
  String overdue(Escalation e, Duration after) {
    return "OVERDUE (unclaimed for more than " + after.toMinutes() + " min)\n" + brief(e);
  }

  /** The line the escalation's thread shows when it moves: {@code Escalation #4 claimed by Kim}. */
  static String update(long id, EscalationState.Action action, String actor) {
    return "Escalation #" + id + " " + past(action) + " by " + actor;
  }

  /**
   * The conversation's last messages, oldest first, each as "Speaker: text" on one line.
   *
   * @param smeName what the SME's messages are headed with: the caller knows it already
   */
  public List<String> lastMessages(long conversationId, String smeName, int count) {
    return log.last(conversationId, count).stream()
        .map(line -> speaker(line, smeName) + ": " + oneLine(line.text())).toList();
  }

  private static String speaker(ConversationLog.Line line, String smeName) {
    return switch (line.direction()) {
      case "in" -> smeName;
      case "advisor" -> line.author() == null ? "Advisor" : line.author();
      default -> "GreenDesk";
    };
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + "...";
  }

  static String past(EscalationState.Action action) {
    return switch (action) {
      case CLAIM -> "claimed";
      case RELEASE -> "released";
      case RESOLVE -> "resolved";
      case RETURN -> "returned to the bot";
      case CANCEL -> "cancelled";
    };
  }
}
