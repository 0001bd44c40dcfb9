package org.greendesk.follow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds SMEs of the dates that concern them, {@value #FIRST} and {@value #LAST} days ahead. A round looks at
 * every concern and writes the reminders due: the {@value #FIRST}-day one while more than {@value #LAST} and at
 * most {@value #FIRST} days are left, the {@value #LAST}-day one in the last {@value #LAST} days, so a round missed
 * (the service was down) is made up by the next, and a date learnt late gets only the reminder still due. Each is
 * written with its row in {@code reminders_sent} (SME, item, date, lead) in one transaction: rounds of several
 * instances, or of one before and after a restart, send it once. Never to an SME who blocked the bot. Thread safe.
 */
public final class Reminders {
  static final int FIRST = 30;
  static final int LAST = 7;
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private final Jdbc jdbc;
  private final FollowStore store;
  private final Recipients recipients;
  private final List<Concerns> concerns;
  private final Supplier<KnowledgeBase> knowledge;
  private final Outbox outbox;
  private final Messages messages;
  private final Clock clock;

  public Reminders(Jdbc jdbc, FollowStore store, Recipients recipients, List<Concerns> concerns,
      Supplier<KnowledgeBase> knowledge, Outbox outbox, Messages messages, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.recipients = recipients;
    this.concerns = List.copyOf(concerns);
    this.knowledge = knowledge;
    this.outbox = outbox;
    this.messages = messages;
    this.clock = clock;
  }

  /** The lead whose reminder is due with this many days left, if any. */
  static OptionalInt lead(long daysLeft) {
    if (daysLeft > LAST && daysLeft <= FIRST) {
      return OptionalInt.of(FIRST);
    }
    return daysLeft > 0 && daysLeft <= LAST ? OptionalInt.of(LAST) : OptionalInt.empty();
  }

  /** One round: writes the reminders due today and returns how many. */
  public int run() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    KnowledgeBase base = knowledge.get();
    List<Concerns.Concern> all = new ArrayList<>();
    concerns.forEach(source -> all.addAll(source.all(base, today)));
    int sent = 0;
    for (Concerns.Concern concern : all) {
      long daysLeft = ChronoUnit.DAYS.between(today, concern.item().date());
      OptionalInt lead = lead(daysLeft);
      if (lead.isPresent() && remind(concern, lead.getAsInt(), daysLeft)) {
        sent++;
      }
    }
    if (sent > 0) {
      LOG.info("sent {} reminders", sent);
    }
    return sent;
  }

  private boolean remind(Concerns.Concern concern, int lead, long daysLeft) {
    DatedItem item = concern.item();
    try {
      return jdbc.inTransaction(() -> {
        Optional<Recipients.Recipient> to = recipients.of(concern.smeId());
        if (to.isEmpty()) {
          return false;
        }
        Instant now = clock.instant();
        jdbc.update("INSERT INTO reminders_sent (sme_id, item, due_on, lead_days, sent_at) VALUES (?, ?, ?, ?, ?)",
            concern.smeId(), item.id(), item.date(), lead, now);
        String language = to.get().language();
        String date = item.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(Locale.forLanguageTag(language)));
        List<OutgoingMessage.Link> links = item.url() == null ? List.of()
            : List.of(new OutgoingMessage.Link(item.title(), item.url()));
        outbox.toSme(to.get().conversationId(), to.get().channel(), to.get().chatId(), Outbox.Author.SYSTEM,
            new OutgoingMessage(messages.text(language, "reminder", Map.of("title", item.title(), "date", date,
                "days", String.valueOf(daysLeft))), links, List.of(), language), now);
        return true;
      });
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false;
      }
      throw e;
    }
  }

  /** Reminders sent since the instant, and in all. */
  public record Figures(int since, int total) {}

  public Figures figures(Instant since) {
    return jdbc.queryOne("SELECT SUM(CASE WHEN sent_at >= ? THEN 1 ELSE 0 END), COUNT(*) FROM reminders_sent",
        row -> new Figures(row.getInt(1), row.getInt(2)), since).orElse(new Figures(0, 0));
  }
}
