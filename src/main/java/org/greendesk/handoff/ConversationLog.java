package org.greendesk.handoff;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conversations' messages, as the handoff reads and adds to them. The conversations own the messages; this is
 * the handoff's view of them, so that one class writes and reads that table.
 */
public interface ConversationLog {
  /**
   * One message as the brief quotes it.
   *
   * @param direction {@code in} (the SME), {@code out} (the bot) or {@code advisor}
   * @param author the advisor's name for an advisor's message, else {@code null}
   */
  record Line(String direction, @Nullable String author, String text) {}

  /** Stores what the advisor wrote to the SME, as part of the conversation. Call inside the reply's transaction. */
  void advisorWrote(long conversationId, String advisor, String text, Instant at);

  /** The conversation's last {@code count} messages, oldest first. */
  List<Line> last(long conversationId, int count);

  /** What advisors wrote in the conversation from {@code since} on, oldest first. */
  List<String> advisorMessagesSince(long conversationId, Instant since);
}
