package org.greendesk.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.greendesk.assistant.Assistant;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.Doorbell;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutboxSender;
import org.greendesk.follow.Follows;
import org.greendesk.follow.Recipients;
import org.greendesk.handoff.EscalationState;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.HandoffBrief;
import org.greendesk.handoff.HandoffNotices;
import org.greendesk.handoff.Handoffs;
import org.greendesk.handoff.KnowledgeCandidates;
import org.greendesk.handoff.SmeProfiles;
import org.greendesk.handoff.UnconfirmedFacts;
import org.greendesk.messages.Messages;
import org.greendesk.profiles.ProfileStore;
import org.greendesk.profiles.ProfileText;
import org.greendesk.profiles.Profiles;
import org.greendesk.store.Database;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/**
 * The stateful part of GreenDesk, wired on one database: conversations, escalations, the desk and the outbox
 * sender. Closing it closes the database.
 *
 * @param desk {@code null} for the advisor console, which only acts on escalations
 * @param sender {@code null} for the advisor console, which sends nothing itself
 * @param follows what SMEs follow, the notices and the reminders; {@code null} for the advisor console
 * @param unregisterGauges takes the gauges that read this database out of the registry they were put in
 */
public record DeskServices(Database database, ConversationStore conversations, EscalationStore escalations,
    Handoffs handoffs, KnowledgeCandidates candidates, @Nullable Desk desk, @Nullable OutboxSender sender,
    @Nullable Follows follows, Runnable unregisterGauges) implements AutoCloseable {
  public static final String ESCALATIONS = "greendesk.escalations";
  public static final String OUTBOX_DEPTH = "greendesk.outbox.depth";

  /** Conversations and handoffs on the settings' database, without an assistant or knowledge. */
  public static DeskServices handoffsOnly(Settings settings, Clock clock) {
    return handoffsOnly(settings, UnconfirmedFacts.NONE, clock);
  }

  /**
   * Conversations and handoffs on the settings' database, without an assistant (the advisor console).
   *
   * @param unconfirmed what is unconfirmed in a cited document, for the briefs
   */
  public static DeskServices handoffsOnly(Settings settings, UnconfirmedFacts unconfirmed, Clock clock) {
    Database database = openDatabase(settings);
    // The console shows the brief, profile included.
    ProfileStore profiles = new ProfileStore(database.jdbc());
    SmeProfiles lines = id -> profiles.find(id).flatMap(p -> ProfileText.brief(p.profile()));
    Parts parts = parts(database.jdbc(), messages(settings), new Outbox(database.jdbc(), new Doorbell()),
        unconfirmed, lines, clock, new SimpleMeterRegistry());
    return new DeskServices(database, parts.conversations(), parts.escalations(), parts.handoffs(),
        parts.candidates(), null, null, null, () -> {});
  }

  /**
   * The conversations and the handoff on one database: each table read and written by its owner, the others
   * reaching it through the owner's ports, and a forgotten SME's rows deleted by each owner.
   */
  private static Parts parts(Jdbc jdbc, Messages messages, Outbox outbox, UnconfirmedFacts unconfirmed,
      SmeProfiles profiles, Clock clock, MeterRegistry metrics) {
    EscalationStore escalations = new EscalationStore(jdbc);
    KnowledgeCandidates candidates = new KnowledgeCandidates(jdbc);
    ConversationStore conversations = new ConversationStore(jdbc, List.of(candidates::forget, outbox::forget,
        escalations::forget));
    Handoffs handoffs = new Handoffs(jdbc, escalations, outbox, new HandoffNotices(outbox, messages, conversations),
        new HandoffBrief(escalations, conversations, conversations, unconfirmed, profiles), conversations, candidates,
        clock, metrics);
    return new Parts(conversations, escalations, candidates, handoffs);
  }

  private record Parts(ConversationStore conversations, EscalationStore escalations, KnowledgeCandidates candidates,
      Handoffs handoffs) {}

  /** Everything, on a fixed assistant, with its meters kept in memory only (the terminal chat, tests). */
  public static DeskServices withDesk(Settings settings, Assistant assistant, Map<String, CustomerChannel> channels,
      AdvisorDesk advisorDesk, Clock clock) {
    return withDesk(settings, () -> assistant, channels, advisorDesk, clock, new SimpleMeterRegistry());
  }

  /**
   * Everything, with the assistant asked for each message ({@code greenDesk::assistant}, which a reload swaps) and
   * the meters in the given registry: messages in and out, answers, time to claim, and gauges of the escalations by
   * state ({@value #ESCALATIONS}) and of the outbox depth ({@value #OUTBOX_DEPTH}), read from the database when the
   * registry is scraped.
   */
  public static DeskServices withDesk(Settings settings, Supplier<Assistant> assistant,
      Map<String, CustomerChannel> channels, AdvisorDesk advisorDesk, Clock clock, MeterRegistry metrics) {
    return withDesk(settings, openDatabase(settings), assistant, channels, advisorDesk, clock, metrics);
  }

  /** As above, on a database already opened ({@link #openDatabase}), which it then owns. */
  public static DeskServices withDesk(Settings settings, Database database, Supplier<Assistant> assistant,
      Map<String, CustomerChannel> channels, AdvisorDesk advisorDesk, Clock clock, MeterRegistry metrics) {
    Messages messages = messages(settings);
    Jdbc jdbc = database.jdbc();
    Doorbell doorbell = new Doorbell();
    Outbox outbox = new Outbox(jdbc, doorbell);
    UnconfirmedFacts unconfirmed = id -> assistant.get().knowledge().document(id).map(d -> d.review().unconfirmed());
    Profiles profiles = Profiles.on(jdbc, () -> assistant.get().knowledge(), messages, clock);
    Parts parts = parts(jdbc, messages, outbox, unconfirmed, profiles::brief, clock, metrics);
    ConversationStore conversations = parts.conversations();
    EscalationStore escalations = parts.escalations();
    Handoffs handoffs = parts.handoffs();
    Follows follows = Follows.on(jdbc, recipients(conversations), () -> assistant.get().knowledge(), outbox,
        messages, clock, List.of(profiles.dates()));
    Desk desk = new Desk(jdbc, conversations, escalations, handoffs, assistant, outbox, messages, clock,
        FloodGuard.perMinute(clock), metrics, follows.commands(), profiles);
    OutboxSender sender = new OutboxSender(jdbc, channels, advisorDesk,
        conversation -> escalations.openFor(conversation).map(e -> e.state() == EscalationState.CLAIMED)
            .orElse(false), conversations, doorbell, clock, metrics);
    List<Meter> gauges = new ArrayList<>();
    for (EscalationState state : EscalationState.values()) {
      gauges.add(Gauge.builder(ESCALATIONS, escalations, store -> store.count(state))
          .description("escalations by state").tag("state", state.wire()).strongReference(true).register(metrics));
    }
    gauges.add(Gauge.builder(OUTBOX_DEPTH, sender, OutboxSender::pending).description("messages waiting in the outbox")
        .strongReference(true).register(metrics));
    // The gauges read this database: they go with it, whoever else holds the registry.
    return new DeskServices(database, conversations, escalations, handoffs, parts.candidates(), desk, sender,
        follows, () -> gauges.forEach(metrics::remove));
  }

  /** Where follows' notices and reminders go, as the conversations' owner tells it. */
  static Recipients recipients(ConversationStore conversations) {
    return sme -> conversations.reachable(sme).map(c -> new Recipients.Recipient(sme, c.id(), c.channel(),
        c.chatId(), c.language() == null ? Messages.ENGLISH : c.language()));
  }

  /** The message catalogues the SMEs are told things in: the same files the assistant reads. */
  private static Messages messages(Settings settings) {
    try {
      return new PromptsFolder(settings).messages();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the message catalogues in " + settings.promptsDir()
          + " (GREENDESK_PROMPTS_DIR): " + e.getMessage(), e);
    }
  }

  /**
   * The database the settings name, migrated.
   *
   * @throws IllegalStateException naming the setting when the database cannot be opened or migrated
   */
  public static Database openDatabase(Settings settings) {
    Settings.Database db = settings.database();
    try {
      return Database.open(db.url(), db.user(), db.password(), settings.dataDir());
    } catch (RuntimeException e) {
      String where = db.url() != null ? "GREENDESK_DB_URL " + db.url()
          : "the H2 file in " + settings.dataDir() + " (GREENDESK_DATA_DIR)";
      throw new IllegalStateException("cannot open the database at " + where + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
  }

  /** Stops the outbox sender (after a last drain), then removes the gauges and closes the database they read. */
  @Override
  public void close() {
    try {
      if (sender != null) {
        sender.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      unregisterGauges.run();
      database.close();
    }
  }
}
