package org.greendesk.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Intent;
import org.greendesk.assistant.Language;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;
import org.greendesk.follow.Following;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.Handoffs;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;
import org.greendesk.profiles.Profiles;

/**
 * What each {@link Command} does, in the SME's language. Called inside the transaction that marks the command's
 * message handled. Thread safe.
 */
final class DeskCommands {
  /** Sends a text of the catalogue to the conversation's SME, in the given language, through the outbox. */
  @FunctionalInterface
  interface Sender {
    void send(ConversationStore.Conversation conversation, String language, String key, Map<String, String> values,
        List<String> actions);
  }

  private final ConversationStore conversations;
  private final EscalationStore escalations;
  private final Handoffs handoffs;
  private final Messages messages;
  private final Sender sender;
  private final Following following;
  private final Profiles profiles;

  DeskCommands(ConversationStore conversations, EscalationStore escalations, Handoffs handoffs, Messages messages,
      Sender sender, Following following, Profiles profiles) {
    this.following = following;
    this.profiles = profiles;
    this.conversations = conversations;
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.messages = messages;
    this.sender = sender;
  }

  /** Runs a command that asks the bot nothing: {@link Command.Name#asks()} is false. */
  void run(ConversationStore.Conversation conversation, Command command, Optional<Escalation> open) {
    String language = conversation.language() == null ? Messages.ENGLISH : conversation.language();
    switch (command.name()) {
      case START -> sender.send(conversation, language, "welcome", Map.of(), List.of());
      case HELP -> sender.send(conversation, language, "help", Map.of(), List.of());
      case CANCEL -> {
        // Leaving the queue is confirmed by the handoff itself.
        if (open.filter(e -> e.state() == EscalationState.QUEUED).map(e -> handoffs.cancel(e.id())).isEmpty()) {
          sender.send(conversation, language, "not_in_queue", Map.of(), List.of());
        }
      }
      case LANGUAGE -> chooseLanguage(conversation, command.rest(), language);
      case FORGET -> sender.send(conversation, language, "forget_confirm", Map.of(), List.of("forget"));
      case FOLLOW -> reply(conversation, language,
          following.follow(conversation.id(), command.rest(), latestSource(conversation), language));
      case FOLLOWING -> reply(conversation, language, following.following(conversation.id(), language));
      case UNFOLLOW -> reply(conversation, language, following.unfollow(conversation.id(), command.rest(), language));
      case PROFILE -> reply(conversation, language, profiles.flow().profile(conversation.id(), command.rest(), language));
      case CHECK -> reply(conversation, language, profiles.check().check(conversation.id(), language));
      default -> sender.send(conversation, language, "unknown_command", Map.of(), List.of());
    }
  }

  private void reply(ConversationStore.Conversation conversation, String language, Reply reply) {
    sender.send(conversation, language, reply.key(), reply.values(), reply.actions());
  }

  /** The document the latest answer cited first: what a bare {@code /follow} (the "Follow updates" button) follows. */
  private Optional<String> latestSource(ConversationStore.Conversation conversation) {
    List<Turn> history = conversations.history(conversation.id());
    return history.isEmpty() ? Optional.empty()
        : history.get(history.size() - 1).answer().sources().stream().map(Source::id).findFirst();
  }

  /** The SME's answer to the question of {@code /profile} they are at. */
  void profileAnswer(ConversationStore.Conversation conversation, String text) {
    String language = conversation.language() == null ? Messages.ENGLISH : conversation.language();
    reply(conversation, language, profiles.flow().answer(conversation.id(), text, language));
  }

  /** {@code /language ko}, or {@code /language Korean} or {@code /language 한국어}: answered in it from now on. */
  private void chooseLanguage(ConversationStore.Conversation conversation, String wanted, String current) {
    Optional<String> chosen = messages.languages().stream().filter(code -> names(code).stream()
        .anyMatch(name -> name.equalsIgnoreCase(wanted.strip()))).findFirst();
    if (chosen.isPresent()) {
      conversations.language(conversation.id(), chosen.get(), true);
      sender.send(conversation, chosen.get(), "language_set", Map.of(), List.of());
    } else {
      String codes = messages.languages().stream()
          .map(code -> code + " (" + messages.text(code, "language_name") + ")").collect(Collectors.joining(", "));
      sender.send(conversation, current, "language_choose", Map.of("codes", codes), List.of());
    }
  }

  private List<String> names(String code) {
    return List.of(code, messages.text(code, "language_name"), Language.of(code).name());
  }

  /** The question {@code /events}, {@code /funding} or {@code /regulations} asks for the SME, in their language. */
  String question(Command command, String language) {
    return messages.text(language, "ask_" + command.name().typed(), Map.of("rest", command.rest())).strip();
  }

  /**
   * The bot's turn on {@code /advisor}: an escalation asked for, about what the SME added to the command or else
   * their last question; or, when one is open already, a word that they are in the queue.
   */
  Turn advisor(ConversationStore.Conversation conversation, Command command, Optional<Escalation> open,
      String language) {
    List<Turn> history = conversations.history(conversation.id());
    Optional<Turn> last = history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    if (open.isPresent()) {
      return new Turn(command.rest(), new Answer(command.rest(), messages.text(language, "already_in_queue"),
          List.of(), 1.0, Intent.ADVISOR_REQUEST, Handoff.NONE, "already in the advisor queue"), Set.of());
    }
    String about = !command.rest().isBlank() ? command.rest()
        : last.map(t -> t.answer().question()).filter(q -> !q.isBlank()).orElse("(no question yet)");
    return new Turn(about, new Answer(about, messages.text(language, "advisor_request"), List.of(), 1.0,
        Intent.ADVISOR_REQUEST, Handoff.CREATED, "the SME asked for a person"),
        last.map(Turn::economies).orElse(Set.of()));
  }
}
