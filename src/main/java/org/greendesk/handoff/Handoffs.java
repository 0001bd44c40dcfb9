package org.greendesk.handoff;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.greendesk.delivery.DeskMessage;
import org.greendesk.delivery.Outbox;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StorableText;
import org.jspecify.annotations.Nullable;

/**
 * The escalation lifecycle, the single source of truth on who speaks to an SME: {@code queued -> claimed ->
 * resolved}, or {@code returned} to the bot; {@code claimed -> queued} on release; a queued one can be cancelled
 * by the SME. Every change is one transaction with its event and the messages it causes (to the SME, to the desk)
 * in the outbox. Only the advisor who holds an escalation may reply, release, resolve or return it. What the SME
 * is told is the {@link HandoffNotices}', what the advisors read the {@link HandoffBrief}'s. Thread safe.
 */
public final class Handoffs {
  /** How long SMEs waited for an advisor: from the escalation's creation to its claim. */
  public static final String TIME_TO_CLAIM = "greendesk.escalation.time.to.claim";
  private static final Duration[] WAIT_BUCKETS = {Duration.ofMinutes(1), Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24)};

  private final Jdbc jdbc;
  private final EscalationStore store;
  private final Outbox outbox;
  private final HandoffNotices notices;
  private final HandoffBrief brief;
  private final ConversationLog log;
  private final KnowledgeCandidates candidates;
  private final Clock clock;
  private final MeterRegistry metrics;

  /**
   * @param outbox where the advisor desk's announcements and updates go
   * @param notices what the SME is told of the handoff
   * @param log where the advisors' replies are kept with the conversation
   * @param candidates where a resolution's advice is offered as knowledge
   * @param metrics where the time from escalation to claim is recorded ({@value #TIME_TO_CLAIM})
   */
  public Handoffs(Jdbc jdbc, EscalationStore store, Outbox outbox, HandoffNotices notices, HandoffBrief brief,
      ConversationLog log, KnowledgeCandidates candidates, Clock clock, MeterRegistry metrics) {
    this.jdbc = jdbc;
    this.store = store;
    this.outbox = outbox;
    this.notices = notices;
    this.brief = brief;
    this.log = log;
    this.candidates = candidates;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * What is needed to open an escalation.
   *
   * @param cited document ids
   * @param summary the language model's summary of the conversation for the advisor; {@code null} without one
   */
  public record Request(long conversationId, String reason, String question, String topic, List<String> economies,
      List<String> cited, @Nullable String summary) {}

  /** Opens an escalation for the conversation, or returns the one already open; announces a new one to the desk. */
  public Escalation open(Request request) {
    return jdbc.inTransaction(() -> {
      Optional<Escalation> existing = store.openFor(request.conversationId());
      if (existing.isPresent()) {
        return existing.get();
      }
      Instant now = clock.instant();
      Long suggested = suggest(request.topic(), request.economies()).map(Advisor::id).orElse(null);
      long id = store.create(request.conversationId(), request.reason(), request.question(), request.topic(),
          request.economies(), request.cited(), suggested, request.summary(), now);
      store.event(id, null, EscalationState.QUEUED, "bot", request.reason(), now);
      Escalation escalation = store.find(id).orElseThrow();
      outbox.toDesk(request.conversationId(), new DeskMessage(DeskMessage.Kind.ANNOUNCE, id, brief.brief(escalation)),
          now);
      return escalation;
    });
  }

  /**
   * The advisor best placed for a case: among active advisors, those whose topics and economies fit (an empty list
   * fits anything), then the one with the fewest open cases, then the longest-serving.
   */
  Optional<Advisor> suggest(String topic, List<String> economies) {
    return store.activeAdvisors().stream()
        .filter(a -> a.advisor().topics().isEmpty() || a.advisor().topics().contains(topic))
        .filter(a -> a.advisor().economies().isEmpty() || economies.isEmpty()
            || a.advisor().economies().stream().anyMatch(economies::contains))
        .min(Comparator.comparingInt(EscalationStore.AdvisorLoad::openCases)
            .thenComparingLong(a -> a.advisor().id()))
        .map(EscalationStore.AdvisorLoad::advisor);
  }

  public Escalation claim(long id, String advisorUserId) {
    return act(id, EscalationState.Action.CLAIM, advisorUserId, "advisor_joined");
  }

  public Escalation release(long id, String advisorUserId) {
    return act(id, EscalationState.Action.RELEASE, advisorUserId, null);
  }

  public Escalation resolve(long id, String advisorUserId) {
    return act(id, EscalationState.Action.RESOLVE, advisorUserId, "advisor_resolved");
  }

  public Escalation returnToBot(long id, String advisorUserId) {
    return act(id, EscalationState.Action.RETURN, advisorUserId, "advisor_returned");
  }

  /** The SME leaves the queue before anyone claimed it. */
  public Escalation cancel(long id) {
    return jdbc.inTransaction(() -> {
      Escalation current = store.find(id).orElseThrow(() -> new HandoffException("no escalation " + id));
      return move(current, EscalationState.Action.CANCEL, null, "sme", "queue_left");
    });
  }

  /**
   * Staff take queued escalations out of the queue in one go, as spam or duplicates: the SMEs are not told. Those
   * not queued (claimed meanwhile, already closed) or unknown are left alone.
   *
   * @return the ids dismissed, in the order given
   */
  public List<Long> dismiss(Collection<Long> ids, String staff) {
    List<Long> dismissed = new ArrayList<>();
    for (long id : new LinkedHashSet<>(ids)) {
      boolean done = jdbc.inTransaction(() -> store.find(id).filter(e -> e.state() == EscalationState.QUEUED)
          .map(e -> move(e, EscalationState.Action.CANCEL, null, staff + " (dismissed)", null) != null)
          .orElse(false));
      if (done) {
        dismissed.add(id);
      }
    }
    return dismissed;
  }

  /** @param notice the catalogue key of what the SME is told, or {@code null} to tell them nothing */
  private Escalation act(long id, EscalationState.Action action, String advisorUserId, @Nullable String notice) {
    return jdbc.inTransaction(() -> {
      Escalation current = store.find(id).orElseThrow(() -> new HandoffException("no escalation " + id));
      Advisor advisor = store.advisor(advisorUserId).filter(Advisor::active)
          .orElseThrow(() -> new HandoffException(advisorUserId + " is not an active advisor"));
      if (action != EscalationState.Action.CLAIM) {
        requireHolder(current, advisor);
      }
      Long holder = action.to() == EscalationState.QUEUED ? null : advisor.id();
      return move(current, action, holder, advisor.name(), notice);
    });
  }

  private Escalation move(Escalation current, EscalationState.Action action, @Nullable Long holder, String actor,
      @Nullable String notice) {
    if (current.state() != action.from()) {
      String who = current.advisorId() == null ? "" : " by "
          + store.advisor(current.advisorId()).map(Advisor::name).orElse("another advisor");
      throw new HandoffException("escalation " + current.id() + " is " + current.state().wire() + who
          + ": it cannot be " + HandoffBrief.past(action));
    }
    Instant now = clock.instant();
    if (!store.move(current, action.to(), holder, now)) {
      throw new HandoffException("escalation " + current.id() + " changed meanwhile (someone else acted first)");
    }
    store.event(current.id(), current.state(), action.to(), actor, null, now);
    if (action == EscalationState.Action.CLAIM) {
      Duration waited = Duration.between(current.createdAt(), now);
      jdbc.afterCommit(() -> Timer.builder(TIME_TO_CLAIM).description("time from escalation to claim")
          .serviceLevelObjectives(WAIT_BUCKETS).register(metrics).record(waited));
    }
    Escalation moved = store.find(current.id()).orElseThrow();
    if (action == EscalationState.Action.RESOLVE) {
      // The gap loop: what the advisor told the SME may be worth adding to the knowledge.
      if (current.claimedAt() != null) {
        candidates.offer(current, log.advisorMessagesSince(current.conversationId(), current.claimedAt()), now);
      }
    }
    if (notice != null) {
      notices.tell(current.conversationId(), notice, actor,
          action == EscalationState.Action.RESOLVE ? List.of("rate") : List.of(), now);
    }
    outbox.toDesk(current.conversationId(), new DeskMessage(DeskMessage.Kind.UPDATE, current.id(),
        HandoffBrief.update(current.id(), action, actor)), now);
    return moved;
  }

  private void requireHolder(Escalation escalation, Advisor advisor) {
    if (escalation.state() == EscalationState.CLAIMED && !holds(advisor, escalation)) {
      throw new HandoffException("escalation " + escalation.id() + " is held by another advisor");
    }
  }

  private static boolean holds(Advisor advisor, Escalation escalation) {
    return escalation.advisorId() != null && escalation.advisorId() == advisor.id();
  }

  /** An advisor's message to the SME; only the advisor holding the escalation may send one. */
  public void reply(long id, String advisorUserId, String message) {
    String text = StorableText.clean(message);
    jdbc.inTransaction(() -> {
      Escalation current = store.find(id).orElseThrow(() -> new HandoffException("no escalation " + id));
      Advisor advisor = store.advisor(advisorUserId)
          .orElseThrow(() -> new HandoffException(advisorUserId + " is not an advisor"));
      if (current.state() != EscalationState.CLAIMED || !holds(advisor, current)) {
        throw new HandoffException("only the advisor holding escalation " + id + " can reply; it is "
            + current.state().wire());
      }
      Instant now = clock.instant();
      log.advisorWrote(current.conversationId(), advisor.name(), text, now);
      notices.advisorSaid(current.conversationId(), advisor.name(), text, now);
      return null;
    });
  }

  /** Shows the SME's message on the desk, in the escalation's thread. Call inside the inbound's transaction. */
  public void relay(Escalation escalation, String smeName, String text) {
    outbox.toDesk(escalation.conversationId(),
        new DeskMessage(DeskMessage.Kind.RELAY, escalation.id(), smeName + ": " + text), clock.instant());
  }

  /** Flags queued escalations older than {@code after} as overdue and announces them again; returns them. */
  public List<Escalation> flagOverdue(Duration after) {
    Instant now = clock.instant();
    return jdbc.inTransaction(() -> store.queuedSince(now.minus(after)).stream().map(e -> {
      store.flagOverdue(e.id(), now);
      store.event(e.id(), e.state(), e.state(), "bot", "overdue: unclaimed for more than " + after.toMinutes() + " min", now);
      Escalation flagged = store.find(e.id()).orElseThrow();
      outbox.toDesk(e.conversationId(), new DeskMessage(DeskMessage.Kind.ANNOUNCE, e.id(),
          brief.overdue(flagged, after)), now);
      return flagged;
    }).toList());
  }

  /** Records the SME's 1-5 rating of the help after a resolved escalation. */
  public void rate(long id, int rating) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("a rating is 1 to 5: " + rating);
    }
    store.rate(id, rating);
  }

  /** The escalation's brief for the advisors ({@link HandoffBrief#brief}). */
  public String brief(Escalation e) {
    return brief.brief(e);
  }

  /** The conversation's last messages, for a summary ({@link HandoffBrief#lastMessages}). */
  public List<String> lastMessages(long conversationId, String smeName, int count) {
    return brief.lastMessages(conversationId, smeName, count);
  }
}
