package org.greendesk.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Language;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.follow.Following;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.Handoffs;
import org.greendesk.messages.Messages;
import org.greendesk.profiles.Profiles;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The core's front door for SME messages, whatever the channel. Each message is stored before anything else; a
 * message the channel delivered before is not handled again. While an advisor holds the conversation the message
 * is relayed to them and the bot stays silent; otherwise the assistant answers (and, while the SME waits in the
 * queue, the advisor sees the message too). Commands ({@link Command}) are the same in every channel, and buttons
 * are typed calls ({@link #feedback}, {@link #rate}, {@link #askForAdvisor}, {@link #forget}). The SME is answered in
 * the language they write, or chose with {@code /language}; GreenDesk's own words come from the message catalogue
 * in that language. Every reply goes out through the outbox, written in the same transaction as the decision.
 * Thread safe.
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
  private final Messages messages;
  private final Clock clock;
  private final DeskMetrics metrics;
  private final DeskCommands commands;
  private final Following following;
  private final Profiles profiles;
  private final EscalationLimits limits = new EscalationLimits();
  private final FloodGuard flood;

  /**
   * @param flood how many messages a chat of any channel may send before it is asked to slow down
   * @param following answers {@code /follow}, {@code /following} and {@code /unfollow}
   * @param profiles answers {@code /profile} and {@code /check}, and names the SME's own economy
   */
  public Desk(Jdbc jdbc, ConversationStore conversations, EscalationStore escalations, Handoffs handoffs,
      Supplier<Assistant> assistant, Outbox outbox, Messages messages, Clock clock, FloodGuard flood,
      MeterRegistry metrics, Following following, Profiles profiles) {
    this.following = following;
    this.profiles = profiles;
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.assistant = assistant;
    this.outbox = outbox;
    this.messages = messages;
    this.clock = clock;
    this.flood = flood;
    this.metrics = new DeskMetrics(metrics);
    this.commands = new DeskCommands(conversations, escalations, handoffs, messages, this::send, following,
        profiles);
  }

  /** What became of a message; {@code LIMITED}: one too many from its chat, neither stored nor answered. */
  public enum Outcome { ANSWERED, RELAYED, DUPLICATE, LIMITED }

  /**
   * Handles a message an SME typed. A chat over the flood limit is told once to slow down, in its language, and its
   * messages are dropped until the limit has room again: a flood costs neither answers nor storage.
   */
  public Outcome receive(InboundMessage message) {
    FloodGuard.Verdict verdict = flood.check(message.channel() + "\n" + message.chatId());
    if (verdict == FloodGuard.Verdict.SLOW_DOWN) {
      tell(message.channel(), message.chatId(), "slow_down");
    }
    return verdict == FloodGuard.Verdict.ALLOW ? accept(message) : Outcome.LIMITED;
  }

  private Outcome accept(InboundMessage message) {
    Instant now = clock.instant();
    ConversationStore.Conversation conversation = conversations.conversation(message.channel(), message.chatId(),
        message.displayName(), DeskReplies.served(messages, message.languageHint()), now);
    Optional<Long> stored = conversations.storeInbound(conversation.id(), message.channelMessageId(), message.text(), now);
    metrics.received(message.channel(), stored.isPresent());
    if (stored.isEmpty()) {
      return Outcome.DUPLICATE;
    }
    conversations.unblock(conversation.id());
    return handle(conversation, stored.get(), message.text(), message.origin());
  }

  /**
   * The SME pressed "Talk to an advisor": the same as sending {@code /advisor}.
   *
   * @param pressId the channel's id for the press, which a redelivery repeats; {@code null} if it has none
   */
  public Outcome askForAdvisor(String channel, String chatId, @Nullable String displayName, @Nullable String pressId) {
    return askForAdvisor(channel, chatId, displayName, pressId, null);
  }

  /** The same, from an anonymous channel's client at this address (see {@link InboundMessage#origin}). */
  public Outcome askForAdvisor(String channel, String chatId, @Nullable String displayName, @Nullable String pressId,
      @Nullable String origin) {
    // A button is not typed: pressing it is not counted as a flood (the escalation limits brake it).
    return accept(new InboundMessage(channel, chatId, displayName, "/" + Command.Name.ADVISOR.typed(), pressId,
        null, origin));
  }

  /**
   * The SME pressed "Follow updates" under an answer: the same as sending {@code /follow}, which follows the
   * document the latest answer cited first.
   *
   * @param pressId the channel's id for the press, which a redelivery repeats; {@code null} if it has none
   */
  public Outcome follow(String channel, String chatId, @Nullable String displayName, @Nullable String pressId) {
    return receive(new InboundMessage(channel, chatId, displayName, "/" + Command.Name.FOLLOW.typed(), pressId));
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
        handle(conversation.get(), p.messageId(), p.text(), null);
        resumed++;
      }
    }
    return resumed;
  }

  private Outcome handle(ConversationStore.Conversation conversation, long messageId, String text,
      @Nullable String origin) {
    // Every log line written while handling the message names its conversation and channel, never its text.
    MDC.put("conversation", String.valueOf(conversation.id()));
    MDC.put("channel", conversation.channel());
    try {
      return handleInContext(conversation, messageId, text, origin);
    } finally {
      MDC.remove("conversation");
      MDC.remove("channel");
    }
  }

  private Outcome handleInContext(ConversationStore.Conversation conversation, long messageId, String text,
      @Nullable String origin) {
    Optional<Command> command = Command.in(text);
    Optional<Escalation> open = escalations.openFor(conversation.id());
    boolean claimed = open.isPresent() && open.get().state() == EscalationState.CLAIMED;
    // The bot never talks over the advisor: what would make it answer goes to the advisor instead.
    if (claimed && command.map(c -> c.name().asks() || c.name() == Command.Name.UNKNOWN).orElse(true)) {
      jdbc.inTransaction(() -> {
        handoffs.relay(open.get(), conversation.smeName(), text);
        conversations.markProcessed(messageId);
        return null;
      });
      return Outcome.RELAYED;
    }
    if (command.isEmpty() && profiles.flow().asking(conversation.id())) {
      return inTransaction(messageId, () -> commands.profileAnswer(conversation, text));
    }
    if (command.isPresent() && command.get().name() != Command.Name.PROFILE) {
      // Another command ends /profile's questions: what follows it is a question again.
      profiles.flow().leave(conversation.id());
    }
    if (command.isPresent() && !command.get().name().asks()) {
      jdbc.inTransaction(() -> {
        commands.run(conversation, command.get(), open);
        conversations.markProcessed(messageId);
        return null;
      });
      return Outcome.ANSWERED;
    }
    Assistant current = assistant.get();
    String language = command.isPresent() ? knownLanguage(conversation) : language(current, conversation, text);
    Turn turn = command.map(c -> c.name() == Command.Name.ADVISOR
            ? commands.advisor(conversation, c, open, language)
            : answer(current, conversation, commands.question(c, language), language))
        .orElseGet(() -> text.isBlank() ? null : answer(current, conversation, text, language));
    boolean escalates = turn != null && turn.answer().handoff() == Handoff.CREATED;
    if (escalates && open.isPresent()) {
      // The case is with the advisors already: saying a new one was opened would be untrue.
      turn = DeskReplies.withoutEscalation(messages, turn, language, "already_in_queue",
          "already in the advisor queue");
    } else if (escalates && !limits.take(conversation.id(), origin, clock.instant())) {
      metrics.escalationRefused();
      turn = DeskReplies.withoutEscalation(messages, turn, language, "advisor_limited",
          "too many requests for an advisor");
    }
    answered(conversation, messageId, text, open, current, turn, language);
    return Outcome.ANSWERED;
  }

  private Outcome inTransaction(long messageId, Runnable work) {
    jdbc.inTransaction(() -> {
      work.run();
      conversations.markProcessed(messageId);
      return null;
    });
    return Outcome.ANSWERED;
  }

  private void answered(ConversationStore.Conversation conversation, long messageId, String text,
      Optional<Escalation> open, Assistant current, @Nullable Turn turn, String language) {
    // Written before the transaction: a model call must not hold the database.
    Optional<String> summary = turn != null && turn.answer().handoff() == Handoff.CREATED && open.isEmpty()
        ? current.handoffSummary(turn.answer().reason(),
            handoffs.lastMessages(conversation.id(), conversation.smeName(), SUMMARY_MESSAGES))
        : Optional.empty();
    jdbc.inTransaction(() -> {
      Instant now = clock.instant();
      open.ifPresent(queued -> handoffs.relay(queued, conversation.smeName(), text));
      if (!conversation.languageChosen() && !language.equals(conversation.language())) {
        conversations.language(conversation.id(), language, false);
      }
      if (turn != null) {
        conversations.storeAnswer(conversation.id(), turn, now);
        outbox.toSme(conversation.id(), conversation.channel(), conversation.chatId(), Outbox.Author.BOT,
            DeskReplies.message(turn.answer(), language), now);
        if (turn.answer().handoff() == Handoff.CREATED) {
          Answer a = turn.answer();
          handoffs.open(new Handoffs.Request(conversation.id(), a.reason(), a.question(), a.intent().wire(),
              List.copyOf(turn.economies()), a.sources().stream().map(Source::id).toList(), summary.orElse(null)));
        }
      }
      conversations.markProcessed(messageId);
      return null;
    });
  }

  private Turn answer(Assistant current, ConversationStore.Conversation conversation, String text, String language) {
    long start = System.nanoTime();
    // A question naming no economy is answered for the SME's own first, when their profile names it.
    Turn turn = current.reply(text, conversations.history(conversation.id()), 3, language,
        profiles.economy(conversation.id()).map(Set::of).orElse(Set.of()));
    metrics.answered(conversation.channel(), Duration.ofNanos(System.nanoTime() - start), turn.answer());
    return turn;
  }

  /**
   * The language to answer in: the one the SME chose; else the one the message is written in; else, for a message
   * too short to tell ("CBAM?"), the SME's usual one.
   */
  private static String language(Assistant current, ConversationStore.Conversation conversation, String text) {
    if (conversation.languageChosen()) {
      return knownLanguage(conversation);
    }
    return current.recognise(text).map(Language::code).orElseGet(() -> knownLanguage(conversation));
  }

  private static String knownLanguage(ConversationStore.Conversation conversation) {
    return conversation.language() == null ? Messages.ENGLISH : conversation.language();
  }

  /** Sends the chat a text of the catalogue ({@code slow_down}, {@code text_only}...) in its SME's language. */
  public void tell(String channel, String chatId, String key) {
    ConversationStore.Conversation conversation = conversations.conversation(channel, chatId, null, null,
        clock.instant());
    send(conversation, knownLanguage(conversation), key, Map.of(), List.of());
  }

  private void send(ConversationStore.Conversation conversation, String language, String key,
      Map<String, String> values, List<String> actions) {
    outbox.toSme(conversation.id(), conversation.channel(), conversation.chatId(), Outbox.Author.SYSTEM,
        new OutgoingMessage(messages.text(language, key, values), List.of(), actions, language), clock.instant());
  }

  /** A text of the catalogue in the chat's SME's language, for what the channel shows itself (a button's toast). */
  public String text(String channel, String chatId, String key) {
    return messages.text(language(channel, chatId), key);
  }

  /** The language the chat's SME is answered in; English until known. */
  public String language(String channel, String chatId) {
    return conversations.find(channel, chatId).map(Desk::knownLanguage).orElse(Messages.ENGLISH);
  }

  /** Records whether the latest answer in the chat helped (the channels' helpful / not helpful buttons). */
  public boolean feedback(String channel, String chatId, boolean helpful) {
    return conversations.find(channel, chatId)
        .map(c -> conversations.feedback(c.id(), helpful, clock.instant()))
        .orElse(false);
  }

  /**
   * Records the SME's rating, 1 to 5, of the help of the escalation resolved last, and thanks them; false when no
   * resolved escalation awaits a rating.
   */
  public boolean rate(String channel, String chatId, int stars) {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("a rating is 1 to 5: " + stars);
    }
    Optional<ConversationStore.Conversation> conversation = conversations.find(channel, chatId);
    Optional<Escalation> unrated = conversation.flatMap(c -> escalations.awaitingRating(c.id()));
    if (unrated.isEmpty()) {
      return false;
    }
    jdbc.inTransaction(() -> {
      handoffs.rate(unrated.get().id(), stars);
      send(conversation.get(), knownLanguage(conversation.get()), "rating_thanks", Map.of(), List.of());
      return null;
    });
    return true;
  }

  /** Takes the SME out of the advisor queue; returns false if they were not waiting in it. */
  public boolean cancel(String channel, String chatId) {
    return conversations.find(channel, chatId)
        .flatMap(c -> escalations.openFor(c.id()))
        .filter(e -> e.state() == EscalationState.QUEUED)
        .map(e -> handoffs.cancel(e.id()))
        .isPresent();
  }

  /**
   * The platform says the chat's SME blocked the bot or left (LINE's unfollow): nothing is sent to them until they
   * write again, which clears it.
   */
  public void blocked(String channel, String chatId) {
    conversations.find(channel, chatId).ifPresent(c -> conversations.markBlocked(c.id()));
  }

  /** Deletes what GreenDesk holds on the chat's SME, their follows and profile too; returns false if it held nothing. */
  public boolean forget(String channel, String chatId) {
    return jdbc.inTransaction(() -> {
      conversations.find(channel, chatId).ifPresent(c -> {
        following.forget(c.id());
        profiles.flow().forget(c.id());
      });
      return conversations.forget(channel, chatId, clock.instant());
    });
  }
}
