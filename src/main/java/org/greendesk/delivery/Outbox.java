package org.greendesk.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/**
 * Writes messages to be sent into the outbox table. Call it inside the transaction that decided to send, so that
 * a crash loses neither the decision nor the message; {@link OutboxSender} delivers. Thread safe.
 */
public final class Outbox {
  static final String SME = "sme";
  static final String DESK = "desk";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Who wrote a message to an SME: the bot's messages are dropped if an advisor holds the conversation by then. */
  public enum Author { BOT, ADVISOR, SYSTEM }

  private final Jdbc jdbc;
  private final Doorbell doorbell;

  /** @param doorbell rung once a written message can be seen by the sender */
  public Outbox(Jdbc jdbc, Doorbell doorbell) {
    this.jdbc = jdbc;
    this.doorbell = doorbell;
  }

  public long toSme(long conversationId, String channel, String chatId, Author author, OutgoingMessage message,
      Instant now) {
    return insert(SME, channel, chatId, conversationId, null, author, json(message), now);
  }

  /**
   * Forgets a conversation's messages: those not sent yet are not sent, the text of those sent is blanked. Call
   * inside the forgetting's transaction.
   */
  public void forget(long conversationId) {
    jdbc.update("DELETE FROM outbox WHERE conversation_id = ? AND sent_at IS NULL", conversationId);
    jdbc.update("UPDATE outbox SET payload = '{}' WHERE conversation_id = ?", conversationId);
  }

  public long toDesk(long conversationId, DeskMessage message, Instant now) {
    return insert(DESK, DESK, String.valueOf(message.escalationId()), conversationId, message.escalationId(),
        Author.SYSTEM, json(message), now);
  }

  private long insert(String destination, String channel, String recipient, @Nullable Long conversationId,
      @Nullable Long escalationId, Author author, String payload, Instant now) {
    long id = jdbc.insert("INSERT INTO outbox (destination, channel, recipient, conversation_id, escalation_id, "
        + "author, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", destination, channel,
        recipient, conversationId, escalationId, author.name(), payload, now, now);
    jdbc.afterCommit(doorbell::ring);
    return id;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write outbox payload", e);
    }
  }
}
