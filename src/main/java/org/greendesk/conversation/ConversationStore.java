package org.greendesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Intent;
import org.greendesk.assistant.Source;
import org.greendesk.assistant.Turn;
import org.greendesk.delivery.Reachability;
import org.greendesk.handoff.ConversationLog;
import org.greendesk.handoff.SmeDirectory;
import org.greendesk.messages.Messages;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * SMEs, conversations and their messages in the database: the one class that writes and reads those tables. The
 * handoff and the outbox see them through their ports ({@link ConversationLog}, {@link SmeDirectory},
 * {@link Reachability}). Thread safe.
 */
public final class ConversationStore implements ConversationLog, SmeDirectory, Reachability {
  private static final int HISTORY_TURNS = 6;
  /**
   * How long the instance that stored an inbound message has to handle it before another may take it over: far
   * longer than an answer takes, the language model's time limit included.
   */
  public static final Duration HANDLING = Duration.ofMinutes(2);
  /** The {@code messages.body} column's size. */
  static final int BODY_CHARS = 65_535;
  private static final String SHORTENED = " [shortened]";
  private final Jdbc jdbc;
  private final List<Forgetter> others;

  /** @param others what the other tables' owners delete of a forgotten conversation, in this order */
  public ConversationStore(Jdbc jdbc, List<Forgetter> others) {
    this.jdbc = jdbc;
    this.others = List.copyOf(others);
  }

  /**
   * A conversation's identity, with what is known of its SME.
   *
   * @param language the language the SME is answered in (ISO 639-1), {@code null} until known
   * @param languageChosen the SME chose it, rather than GreenDesk guessing it
   */
  public record Conversation(long id, String channel, String chatId, String smeName, @Nullable String language,
      boolean languageChosen) {
    Conversation withName(String name) {
      return new Conversation(id, channel, chatId, name, language, languageChosen);
    }
  }

  /** The chat's conversation, created with its SME on the first message, their language unknown. */
  public Conversation conversation(String channel, String chatId, @Nullable String displayName, Instant now) {
    return conversation(channel, chatId, displayName, null, now);
  }

  /**
   * The chat's conversation, created with its SME on the first message.
   *
   * @param languageHint the language the channel says the user's app is in, a first guess for a new SME; or
   *     {@code null}
   */
  public Conversation conversation(String channel, String chatId, @Nullable String displayName,
      @Nullable String languageHint, Instant now) {
    return jdbc.inTransaction(() -> {
      Optional<Conversation> found = find(channel, chatId);
      if (found.isPresent()) {
        Conversation c = found.get();
        // Every message carries the name: it is written only when the SME changed it.
        if (displayName == null || displayName.equals(c.smeName()) || jdbc.update("UPDATE smes SET display_name = ? "
            + "WHERE id = (SELECT sme_id FROM conversations WHERE id = ?) AND forgotten_at IS NULL", displayName,
            c.id()) == 0) {
          return c;
        }
        return c.withName(displayName);
      }
      long sme = jdbc.queryOne("SELECT id FROM smes WHERE channel = ? AND external_id = ?", row -> row.getLong(1),
          channel, chatId).orElseGet(() -> jdbc.insert("INSERT INTO smes (channel, external_id, display_name, "
          + "language, created_at) VALUES (?, ?, ?, ?, ?)", channel, chatId, displayName, languageHint, now));
      jdbc.insert("INSERT INTO conversations (sme_id, channel, chat_id, started_at) VALUES (?, ?, ?, ?)", sme, channel,
          chatId, now);
      return find(channel, chatId).orElseThrow();
    });
  }

  /** The SME wrote, so whatever blocked the bot before (see the outbox) no longer does. */
  public void unblock(long conversationId) {
    jdbc.update("UPDATE smes SET blocked = FALSE WHERE blocked = TRUE AND id = (SELECT sme_id FROM conversations "
        + "WHERE id = ?)", conversationId);
  }

  @Override
  public boolean blocked(long conversationId) {
    return jdbc.queryOne("SELECT s.blocked FROM smes s JOIN conversations c ON c.sme_id = s.id WHERE c.id = ?",
        row -> row.getBoolean(1), conversationId).orElse(false);
  }

  @Override
  public void markBlocked(long conversationId) {
    jdbc.update("UPDATE smes SET blocked = TRUE WHERE id = (SELECT sme_id FROM conversations WHERE id = ?)",
        conversationId);
  }

  @Override
  public Optional<Sme> sme(long conversationId) {
    return jdbc.queryOne("SELECT c.id, c.channel, c.chat_id, s.display_name, s.language FROM conversations c "
        + "JOIN smes s ON s.id = c.sme_id WHERE c.id = ?", row -> new Sme(row.getLong(1), row.getString(2),
        row.getString(3), row.getString(4) == null ? "SME" : row.getString(4),
        row.getString(5) == null ? Messages.ENGLISH : row.getString(5)), conversationId);
  }

  @Override
  public void advisorWrote(long conversationId, String advisor, String text, Instant at) {
    jdbc.insert("INSERT INTO messages (conversation_id, direction, author, body, processed, created_at) "
        + "VALUES (?, 'advisor', ?, ?, TRUE, ?)", conversationId, advisor, fit(text, BODY_CHARS), at);
  }

  @Override
  public List<Line> last(long conversationId, int count) {
    List<Line> last = new ArrayList<>(jdbc.query("SELECT direction, author, body FROM messages "
        + "WHERE conversation_id = ? ORDER BY id DESC LIMIT " + count,
        row -> new Line(row.getString(1), row.getString(2), row.getString(3)), conversationId));
    Collections.reverse(last);
    return last;
  }

  @Override
  public List<String> advisorMessagesSince(long conversationId, Instant since) {
    return jdbc.query("SELECT body FROM messages WHERE conversation_id = ? AND direction = 'advisor' "
        + "AND created_at >= ? ORDER BY id", row -> row.getString(1), conversationId, since);
  }

  /** The SME's first conversation, unless they blocked the bot or asked to be forgotten. */
  public Optional<Conversation> reachable(long smeId) {
    return jdbc.queryOne("SELECT c.id, c.channel, c.chat_id, s.display_name, s.language, s.language_chosen "
        + "FROM smes s JOIN conversations c ON c.sme_id = s.id WHERE s.id = ? AND s.blocked = FALSE "
        + "AND s.forgotten_at IS NULL ORDER BY c.id LIMIT 1", row -> new Conversation(row.getLong(1),
        row.getString(2), row.getString(3), row.getString(4) == null ? "SME" : row.getString(4), row.getString(5),
        row.getBoolean(6)), smeId);
  }

  public Optional<Conversation> find(String channel, String chatId) {
    return jdbc.queryOne("SELECT c.id, c.channel, c.chat_id, s.display_name, s.language, s.language_chosen "
        + "FROM conversations c JOIN smes s ON s.id = c.sme_id WHERE c.channel = ? AND c.chat_id = ?",
        row -> new Conversation(row.getLong(1), row.getString(2), row.getString(3),
            row.getString(4) == null ? "SME" : row.getString(4), row.getString(5), row.getBoolean(6)),
        channel, chatId);
  }

  /**
   * Sets the language the conversation's SME is answered in. A guess does not replace a language the SME chose;
   * a choice replaces anything. Returns false when nothing changed.
   */
  public boolean language(long conversationId, String language, boolean chosen) {
    return jdbc.update("UPDATE smes SET language = ?, language_chosen = ? WHERE id = (SELECT sme_id FROM "
        + "conversations WHERE id = ?) AND forgotten_at IS NULL AND (? OR language_chosen = FALSE)", language, chosen,
        conversationId, chosen) == 1;
  }

  /**
   * Stores an inbound message, unprocessed and held by the caller for {@link #HANDLING}; empty when the channel
   * delivered this message id before.
   */
  public Optional<Long> storeInbound(long conversationId, @Nullable String channelMessageId, String text, Instant now) {
    try {
      return Optional.of(jdbc.insert("INSERT INTO messages (conversation_id, direction, channel_message_id, body, "
          + "created_at, handling_until) VALUES (?, 'in', ?, ?, ?, ?)", conversationId, channelMessageId,
          fit(text, BODY_CHARS), now, now.plus(HANDLING)));
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public void markProcessed(long messageId) {
    jdbc.update("UPDATE messages SET processed = TRUE WHERE id = ?", messageId);
  }

  /** Stores the bot's answer with what it cited, how sure it was and how it routed. */
  public long storeAnswer(long conversationId, Turn turn, Instant now) {
    Answer a = turn.answer();
    return jdbc.insert("INSERT INTO messages (conversation_id, direction, author, body, sources, confidence, intent, "
        + "handoff, reason, search_query, economies, processed, created_at) "
        + "VALUES (?, 'out', 'bot', ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)", conversationId, fit(a.text(), BODY_CHARS),
        fit(String.join(",", a.sources().stream().map(Source::id).toList()), 4000), a.confidence(),
        a.intent().name(), a.handoff().name(), fit(a.reason(), 512), fit(turn.query(), 4000),
        fit(String.join(",", turn.economies()), 512), now);
  }

  /**
   * The text shortened to what its column holds, marked as shortened: no length a channel allows (a Slack message
   * may be 40,000 characters; a follow-up's search carries the previous question too) may fail the handling.
   */
  static String fit(String text, int columnChars) {
    return text.length() <= columnChars ? text : text.substring(0, columnChars - SHORTENED.length()) + SHORTENED;
  }

  /** The bot's last turns, oldest first, as the assistant needs them to understand a follow-up. */
  public List<Turn> history(long conversationId) {
    List<Turn> turns = new ArrayList<>(jdbc.query("SELECT body, sources, confidence, intent, handoff, reason, "
        + "search_query, economies FROM messages WHERE conversation_id = ? AND direction = 'out' "
        + "ORDER BY id DESC LIMIT " + HISTORY_TURNS, row -> {
          List<Source> sources = split(row.getString(2)).stream().map(id -> new Source(id, id, null, null, 0)).toList();
          String query = row.getString(7) == null ? "" : row.getString(7);
          Answer answer = new Answer(query, row.getString(1), sources, row.getDouble(3),
              Intent.valueOf(row.getString(4)), Handoff.valueOf(row.getString(5)), row.getString(6));
          return new Turn(query, answer, Set.copyOf(split(row.getString(8))));
        }, conversationId));
    Collections.reverse(turns);
    return turns;
  }

  /**
   * Inbound messages of these channels stored but not handled, whose handler's time ran out (it stopped in
   * between), oldest first.
   */
  public List<Pending> unprocessed(Collection<String> channels, Instant now) {
    if (channels.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(channels);
    params.add(now);
    return jdbc.query("SELECT m.id, c.channel, c.chat_id, m.body FROM messages m JOIN conversations c "
        + "ON c.id = m.conversation_id WHERE c.channel IN (" + String.join(", ", Collections.nCopies(channels.size(),
        "?")) + ") AND m.direction = 'in' AND m.processed = FALSE AND (m.handling_until IS NULL "
        + "OR m.handling_until <= ?) ORDER BY m.id",
        row -> new Pending(row.getLong(1), row.getString(2), row.getString(3), row.getString(4)), params.toArray());
  }

  /**
   * Takes over an unprocessed message whose handler's time ran out, for {@link #HANDLING}; false when it was
   * processed meanwhile or another instance took it first.
   */
  public boolean takeOver(long messageId, Instant now) {
    return jdbc.update("UPDATE messages SET handling_until = ? WHERE id = ? AND processed = FALSE "
        + "AND (handling_until IS NULL OR handling_until <= ?)", now.plus(HANDLING), messageId, now) == 1;
  }

  /** An inbound message stored but not handled: its handler stopped, or is still at work. */
  public record Pending(long messageId, String channel, String chatId, String text) {}

  /** Records whether the conversation's latest answer helped; returns false if there is no answer yet. */
  public boolean feedback(long conversationId, boolean helpful, Instant now) {
    Optional<Long> answer = jdbc.queryOne("SELECT MAX(id) FROM messages WHERE conversation_id = ? AND direction = 'out'",
        row -> row.getObject(1) == null ? null : row.getLong(1), conversationId);
    answer.ifPresent(id -> jdbc.insert("INSERT INTO feedback (conversation_id, message_id, helpful, created_at) "
        + "VALUES (?, ?, ?, ?)", conversationId, id, helpful, now));
    return answer.isPresent();
  }

  /** Feedback counts of a conversation: [helpful, not helpful]. */
  public int[] feedbackCounts(long conversationId) {
    return jdbc.queryOne("SELECT SUM(CASE WHEN helpful THEN 1 ELSE 0 END), SUM(CASE WHEN helpful THEN 0 ELSE 1 END) "
        + "FROM feedback WHERE conversation_id = ?", row -> new int[] {row.getInt(1), row.getInt(2)}, conversationId)
        .orElse(new int[] {0, 0});
  }

  /**
   * Deletes the SME's messages and feedback and clears their personal fields; the other tables' owners do what
   * they must with theirs (pending messages to them, the knowledge candidates drawn from their conversation, the
   * escalations' question text), all in one transaction. Returns false if there was nothing.
   */
  public boolean forget(String channel, String chatId, Instant now) {
    return jdbc.inTransaction(() -> {
      Optional<Conversation> found = find(channel, chatId);
      if (found.isEmpty()) {
        return false;
      }
      long id = found.get().id();
      others.forEach(other -> other.forget(id));
      jdbc.update("DELETE FROM feedback WHERE conversation_id = ?", id);
      jdbc.update("DELETE FROM messages WHERE conversation_id = ?", id);
      jdbc.update("UPDATE smes SET display_name = NULL, language = NULL, language_chosen = FALSE, "
          + "consent_contact = FALSE, forgotten_at = ? "
          + "WHERE id = (SELECT sme_id FROM conversations WHERE id = ?)", now, id);
      return true;
    });
  }

  /** Message bodies of a conversation, oldest first, as "direction: text" (for the console and tests). */
  public List<String> transcript(long conversationId) {
    return jdbc.query("SELECT direction, author, body FROM messages WHERE conversation_id = ? ORDER BY id",
        row -> (row.getString(2) == null ? row.getString(1) : row.getString(1) + " " + row.getString(2)) + ": "
            + row.getString(3), conversationId);
  }

  private static List<String> split(@Nullable String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).toList();
  }
}
