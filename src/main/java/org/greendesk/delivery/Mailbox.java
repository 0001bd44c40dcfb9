package org.greendesk.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.greendesk.store.Jdbc;

/**
 * What a pull channel's recipient may read: the messages to them that the sender has delivered, in the order they
 * were sent. A pull channel (the web chat, whose page asks for new messages) has nothing to push: the outbox row
 * is the message, and the sender marking it sent is its delivery. So a message survives a restart with the outbox,
 * is shown once (its id is the reader's cursor), keeps the outbox's order, and a bot answer dropped because an
 * advisor took over is never shown. Thread safe.
 */
public final class Mailbox {
  /** What {@code /forget} leaves of a sent message (see {@code ConversationStore.forget}). */
  private static final String FORGOTTEN = "{}";

  private final Jdbc jdbc;

  public Mailbox(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A delivered message.
   *
   * @param id increases with each message to the same recipient: read on after it
   */
  public record Delivered(long id, Outbox.Author author, OutgoingMessage message, Instant sentAt) {
    public Delivered {
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The recipient's delivered messages with an id above {@code afterId}, oldest first, at most {@code limit}.
   * Messages emptied by {@code /forget} are left out.
   */
  public List<Delivered> after(String channel, String recipient, long afterId, int limit) {
    return jdbc.query("SELECT id, author, payload, sent_at FROM outbox WHERE destination = ? AND channel = ? "
        + "AND recipient = ? AND id > ? AND sent_at IS NOT NULL AND payload <> ? ORDER BY id LIMIT " + Math.max(1, limit),
        row -> new Delivered(row.getLong(1), Outbox.Author.valueOf(row.getString(2)), read(row.getString(3)),
            Jdbc.instant(row, "sent_at")), Outbox.SME, channel, recipient, afterId, FORGOTTEN);
  }

  private static OutgoingMessage read(String payload) {
    try {
      return Outbox.JSON.readValue(payload, OutgoingMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable outbox payload: " + e.getOriginalMessage(), e);
    }
  }
}
