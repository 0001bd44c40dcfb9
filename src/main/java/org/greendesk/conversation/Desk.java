package org.greendesk.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.Handoffs;
import org.greendesk.store.Jdbc;
import org.slf4j.MDC;

/**
 * The core's front door for SME messages, whatever the channel. Each message is stored before anything else; a
 * message the channel delivered before is not handled again. While an advisor holds the conversation the message
 * is relayed to them and the bot stays silent; otherwise the assistant answers (and, while the SME waits in the
 * queue, the advisor sees the message too). Every reply goes out through the outbox, written in the same
 * transaction as the decision. Thread safe.
 */
public final class Desk {
  private static final int SUMMARY_MESSAGES = 12;

  private final Jdbc jdbc;
  private final ConversationStore conversations;
  private final EscalationStore escalations;
  private final Handoffs handoffs;
  /** Asked for each message: the knowledge can be reloaded while the desk runs. */
  private final Supplier<Assistant> assistant;
  private final Outbox outbox;
  private final Clock clock;
  private final DeskMetrics metrics;

  public Desk(Jdbc jdbc, ConversationStore conversations, EscalationStore escalations, Handoffs handoffs,
      Supplier<Assistant> assistant, Outbox outbox, Clock clock, MeterRegistry metrics) {
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.assistant = assistant;
    this.outbox = outbox;
    this.clock = clock;
    this.metrics = new DeskMetrics(metrics);
  }

  /** What became of a message. */
  public enum Outcome { ANSWERED, RELAYED, RATED, DUPLICATE }

  public Outcome receive(InboundMessage message) {
    Instant now = clock.instant();
    ConversationStore.Conversation conversation =
        conversations.conversation(message.channel(), message.chatId(), message.displayName(), now);
    Optional<Long> stored = conversations.storeInbound(conversation.id(), message.channelMessageId(), message.text(), now);
    metrics.received(message.channel(), stored.isPresent());
    if (stored.isEmpty()) {
      return Outcome.DUPLICATE;
    }
    return handle(conversation, stored.get(), message.text());
  }

  /**
   * Handles the messages of these channels that were stored but never handled, because the instance that stored
   * them stopped before it was done and its time to handle them ({@link ConversationStore#HANDLING}) ran out;
   * returns how many it took over. Call it at start and then now and then: several instances may do so at once,
   * and each message is taken over by one.
   */
  public int resume(Collection<String> channels) {
    Instant now = clock.instant();
    int resumed = 0;
    for (ConversationStore.Pending p : conversations.unprocessed(channels, now)) {
      Optional<ConversationStore.Conversation> conversation = conversations.find(p.channel(), p.chatId());
      if (conversation.isPresent() && conversations.takeOver(p.messageId(), now)) {
        handle(conversation.get(), p.messageId(), p.text());
        resumed++;
      }
    }
    return resumed;
  }

  private Outcome handle(ConversationStore.Conversation conversation, long messageId, String text) {
    // Every log line written while handling the message names its conversation and channel, never its text.
    MDC.put("conversation", String.valueOf(conversation.id()));
    MDC.put("channel", conversation.channel());
    try {
      return handleInContext(conversation, messageId, text);
    } finally {
      MDC.remove("conversation");
      MDC.remove("channel");
    }
  }

  private Outcome handleInContext(ConversationStore.Conversation conversation, long messageId, String text) {
    Optional<Escalation> unrated = escalations.awaitingRating(conversation.id());
    if (unrated.isPresent() && text.strip().matches("[1-5]")) {
      jdbc.inTransaction(() -> {
        handoffs.rate(unrated.get().id(), Integer.parseInt(text.strip()));
        outbox.toSme(conversation.id(), conversation.channel(), conversation.chatId(), Outbox.Author.SYSTEM,
            OutgoingMessage.text("Thank you for your rating!"), clock.instant());
        conversations.markProcessed(messageId);
        return null;
      });
      return Outcome.RATED;
    }
    Optional<Escalation> open = escalations.openFor(conversation.id());
    if (open.isPresent() && open.get().state() == EscalationState.CLAIMED) {
      jdbc.inTransaction(() -> {
        handoffs.relay(open.get(), conversation.smeName(), text);
        conversations.markProcessed(messageId);
        return null;
      });
      return Outcome.RELAYED;
    }
    Assistant current = assistant.get();
    Turn turn = text.isBlank() ? null : answer(current, conversation, text);
    // Written before the transaction: a model call must not hold the database.
    Optional<String> summary = turn != null && turn.answer().handoff() == Handoff.CREATED && open.isEmpty()
        ? current.handoffSummary(turn.answer().reason(), handoffs.lastMessages(conversation.id(), SUMMARY_MESSAGES))
        : Optional.empty();
    jdbc.inTransaction(() -> {
      Instant now = clock.instant();
      open.ifPresent(queued -> handoffs.relay(queued, conversation.smeName(), text));
      if (turn != null) {
        conversations.storeAnswer(conversation.id(), turn, now);
        outbox.toSme(conversation.id(), conversation.channel(), conversation.chatId(), Outbox.Author.BOT,
            message(turn.answer()), now);
        if (turn.answer().handoff() == Handoff.CREATED) {
          Answer a = turn.answer();
          handoffs.open(new Handoffs.Request(conversation.id(), a.reason(), text, a.intent().wire(),
              List.copyOf(turn.economies()), a.sources().stream().map(Source::id).toList(), summary.orElse(null)));
        }
      }
      conversations.markProcessed(messageId);
      return null;
    });
    return Outcome.ANSWERED;
  }

  private Turn answer(Assistant current, ConversationStore.Conversation conversation, String text) {
    long start = System.nanoTime();
    Turn turn = current.reply(text, conversations.history(conversation.id()), 3);
    metrics.answered(conversation.channel(), Duration.ofNanos(System.nanoTime() - start), turn.answer());
    return turn;
  }

  /** The answer as the channels receive it: its text, its sources as links, and the buttons it calls for. */
  static OutgoingMessage message(Answer answer) {
    List<OutgoingMessage.Link> links = answer.sources().stream().filter(s -> s.url() != null)
        .map(s -> new OutgoingMessage.Link(s.title(), s.url())).toList();
    List<String> actions = switch (answer.handoff()) {
      case OFFERED -> List.of("feedback", "advisor");
      case CREATED -> List.of();
      case NONE -> answer.sources().isEmpty() ? List.of() : List.of("feedback", "advisor");
    };
    return new OutgoingMessage(answer.text(), links, actions);
  }

  /** Sends a notice of the channel's own (help, a confirmation) to the chat, through the outbox. */
  public void notify(String channel, String chatId, OutgoingMessage message) {
    Instant now = clock.instant();
    ConversationStore.Conversation conversation = conversations.conversation(channel, chatId, null, now);
    outbox.toSme(conversation.id(), channel, chatId, Outbox.Author.SYSTEM, message, now);
  }

  /** Records whether the latest answer in the chat helped (the channels' helpful / not helpful buttons). */
  public boolean feedback(String channel, String chatId, boolean helpful) {
    return conversations.find(channel, chatId)
        .map(c -> conversations.feedback(c.id(), helpful, clock.instant()))
        .orElse(false);
  }

  /** Takes the SME out of the advisor queue; returns false if they were not waiting in it. */
  public boolean cancel(String channel, String chatId) {
    return conversations.find(channel, chatId)
        .flatMap(c -> escalations.openFor(c.id()))
        .filter(e -> e.state() == EscalationState.QUEUED)
        .map(e -> handoffs.cancel(e.id()))
        .isPresent();
  }

  /** Deletes what GreenDesk holds on the chat's SME; returns false if it held nothing. */
  public boolean forget(String channel, String chatId) {
    return conversations.forget(channel, chatId, clock.instant());
  }
}
