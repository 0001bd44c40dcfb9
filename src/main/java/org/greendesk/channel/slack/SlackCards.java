package org.greendesk.channel.slack;

import java.time.Instant;
import java.util.Optional;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StoreException;

/** Where each escalation's card was posted, and the Slack events already handled. Thread safe. */
final class SlackCards {
  /** A posted card: its thread ({@code ts}) is the conversation with the SME. */
  record Card(long escalationId, String channel, String ts) {}

  private final Jdbc jdbc;

  SlackCards(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Card> forEscalation(long escalationId) {
    return jdbc.queryOne("SELECT escalation_id, channel, ts FROM slack_cards WHERE escalation_id = ?",
        row -> new Card(row.getLong(1), row.getString(2), row.getString(3)), escalationId);
  }

  Optional<Card> atThread(String channel, String ts) {
    return jdbc.queryOne("SELECT escalation_id, channel, ts FROM slack_cards WHERE channel = ? AND ts = ?",
        row -> new Card(row.getLong(1), row.getString(2), row.getString(3)), channel, ts);
  }

  void save(Card card) {
    jdbc.update("INSERT INTO slack_cards (escalation_id, channel, ts) VALUES (?, ?, ?)", card.escalationId(),
        card.channel(), card.ts());
  }

  /**
   * True the first time an event id is seen, false for a redelivery (also across instances sharing the database).
   *
   * @throws StoreException when the database fails: an event is never taken for seen because of an outage
   */
  boolean firstSight(String eventId, Instant now) {
    try {
      jdbc.update("INSERT INTO slack_events_seen (event_id, seen_at) VALUES (?, ?)", eventId, now);
      return true;
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false;
      }
      throw e;
    }
  }
}
