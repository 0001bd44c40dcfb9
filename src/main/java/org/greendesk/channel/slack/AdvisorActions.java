package org.greendesk.channel.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.Locale;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.HandoffException;
import org.greendesk.handoff.Handoffs;

/**
 * The advisors' side of a handoff: the buttons on escalation cards, and the replies in their threads. A move the
 * state or the holder forbids is explained to the advisor alone.
 */
final class AdvisorActions {
  private static final String NOTE_PREFIX = "note:";

  enum Move { CLAIM, RESOLVE, RELEASE, RETURN }

  private final EscalationStore escalations;
  private final Handoffs handoffs;
  private final SlackCards cards;
  private final Notices notices;

  AdvisorActions(EscalationStore escalations, Handoffs handoffs, SlackCards cards, Notices notices) {
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.cards = cards;
    this.notices = notices;
  }

  /** A button on a card: the advisor is who pressed it. */
  void act(BlockActionPayload p, Move move) {
    long id = Long.parseLong(p.getActions().get(0).getValue());
    String user = p.getUser().getId();
    try {
      if (escalations.advisor(user).isEmpty()) {
        // Whoever is in the advisors' channel is an advisor: the first button they press registers them.
        escalations.addAdvisor(user, p.getUser().getName() == null ? user : p.getUser().getName(),
            List.of(), List.of());
      }
      switch (move) {
        case CLAIM -> handoffs.claim(id, user);
        case RESOLVE -> handoffs.resolve(id, user);
        case RELEASE -> handoffs.release(id, user);
        case RETURN -> handoffs.returnToBot(id, user);
      }
    } catch (HandoffException e) {
      notices.tellOnly(p.getChannel().getId(), user, "Not done: " + e.getMessage() + ".");
    }
  }

  /** A message in a card's thread: the holding advisor's goes to the SME, unless it is a note; others stay. */
  void threadReply(MessageEvent event, SlackCards.Card card) {
    String text = event.getText().strip();
    if (text.toLowerCase(Locale.ROOT).startsWith(NOTE_PREFIX)) {
      return;
    }
    try {
      handoffs.reply(card.escalationId(), event.getUser(), SlackText.plain(text));
    } catch (HandoffException e) {
      notices.tellOnly(event.getChannel(), event.getUser(), "Your message stays in this thread and was not sent "
          + "to the SME: " + e.getMessage() + ". Claim the escalation to talk to them, or start with `note:` "
          + "for notes.");
    }
  }

}
