package org.greendesk.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.messages.Messages;

/**
 * What the SME is told of their handoff, in their language, from the message catalogue, through the outbox. Call
 * inside the transaction that decided it. Thread safe.
 */
public final class HandoffNotices {
  private final Outbox outbox;
  private final Messages messages;
  private final SmeDirectory smes;

  public HandoffNotices(Outbox outbox, Messages messages, SmeDirectory smes) {
    this.outbox = outbox;
    this.messages = messages;
    this.smes = smes;
  }

  /**
   * Tells the SME the catalogue's {@code key}, naming the advisor.
   *
   * @param actions the buttons under it ({@code rate} after a resolution)
   */
  void tell(long conversationId, String key, String advisor, List<String> actions, Instant now) {
    SmeDirectory.Sme sme = sme(conversationId);
    String text = messages.text(sme.language(), key, Map.of("advisor", advisor));
    outbox.toSme(sme.conversationId(), sme.channel(), sme.chatId(), Outbox.Author.SYSTEM,
        new OutgoingMessage(text, List.of(), actions, sme.language()), now);
  }

  /** Passes on what the advisor wrote, headed with their name as the SME sees them. */
  void advisorSaid(long conversationId, String advisor, String text, Instant now) {
    SmeDirectory.Sme sme = sme(conversationId);
    outbox.toSme(sme.conversationId(), sme.channel(), sme.chatId(), Outbox.Author.ADVISOR,
        new OutgoingMessage(advisor + ": " + text, List.of(), List.of(), sme.language()), now);
  }

  private SmeDirectory.Sme sme(long conversationId) {
    return smes.sme(conversationId).orElseThrow(() -> new HandoffException("no conversation " + conversationId));
  }
}
