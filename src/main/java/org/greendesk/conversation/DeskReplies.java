package org.greendesk.conversation;

import java.util.List;
import java.util.Locale;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Turn;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.messages.Messages;
import org.jspecify.annotations.Nullable;

/** How the desk words what it sends: the assistant's answers as the channels receive them, in the SME's language. */
final class DeskReplies {
  private DeskReplies() {}

  /** The answer as the channels receive it: its text, its sources as links, and the buttons it calls for. */
  static OutgoingMessage message(Answer answer, String language) {
    List<OutgoingMessage.Link> links = answer.sources().stream().filter(s -> s.url() != null)
        .map(s -> new OutgoingMessage.Link(s.title(), s.url())).toList();
    List<String> actions = switch (answer.handoff()) {
      case OFFERED -> answer.sources().isEmpty() ? List.of("feedback", "advisor")
          : List.of("feedback", "advisor", "follow");
      case CREATED -> List.of();
      case NONE -> answer.sources().isEmpty() ? List.of() : List.of("feedback", "advisor", "follow");
    };
    return new OutgoingMessage(answer.text(), links, actions, language);
  }

  /**
   * The turn as it is when no escalation is opened: the notice that one was (the answer's first paragraph, see the
   * assistant) gives way to the catalogue's {@code notice}; what the sources say stays.
   */
  static Turn withoutEscalation(Messages messages, Turn turn, String language, String notice, String why) {
    Answer a = turn.answer();
    int rest = a.text().indexOf("\n\n");
    String text = messages.text(language, notice) + (rest < 0 ? "" : a.text().substring(rest));
    return new Turn(turn.query(), new Answer(a.question(), text, a.sources(), a.confidence(), a.intent(),
        Handoff.NONE, why + ": " + a.reason()), turn.economies());
  }

  /** The channel's guess of the user's language ("pt-br", "zh-hans") if GreenDesk speaks it. */
  static @Nullable String served(Messages messages, @Nullable String hint) {
    if (hint == null || hint.isBlank()) {
      return null;
    }
    String code = hint.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    return messages.speaks(code) ? code : null;
  }
}
