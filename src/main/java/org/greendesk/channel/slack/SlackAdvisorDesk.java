package org.greendesk.channel.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.DeskMessage;
import org.greendesk.delivery.SendException;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.Handoffs;

/**
 * The advisor desk in a Slack channel: each escalation is a card, updated in place as its state changes, and the
 * card's thread carries the conversation (the SME's messages, notices of what advisors did). Slack's errors become
 * retry (rate limits, server errors, the network) or give up (anything Slack refuses). Thread safe.
 */
public final class SlackAdvisorDesk implements AdvisorDesk {
  private final MethodsClient slack;
  private final String channel;
  private final SlackCards cards;
  private final EscalationStore escalations;
  private final Handoffs handoffs;
  private final Clock clock;

  SlackAdvisorDesk(MethodsClient slack, String channel, SlackCards cards, EscalationStore escalations,
      Handoffs handoffs, Clock clock) {
    this.slack = slack;
    this.channel = channel;
    this.cards = cards;
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.clock = clock;
  }

  @Override
  public void deliver(DeskMessage message) throws SendException {
    Escalation escalation = escalations.find(message.escalationId())
        .orElseThrow(() -> SendException.giveUp("no escalation " + message.escalationId()));
    Optional<SlackCards.Card> existing = cards.forEscalation(escalation.id());
    SlackCards.Card card;
    if (existing.isPresent()) {
      card = existing.get();
      if (message.kind() != DeskMessage.Kind.RELAY) {
        refresh(card, escalation);
      }
    } else {
      // The first message about an escalation is its announcement; anything else first needs the card too.
      String ts = call(() -> slack.chatPostMessage(r -> r.channel(channel).text(fallback(escalation))
          .blocks(EscalationCard.blocks(escalation, brief(escalation), holder(escalation), clock.instant())))).getTs();
      card = new SlackCards.Card(escalation.id(), channel, ts);
      cards.save(card);
      if (message.kind() == DeskMessage.Kind.ANNOUNCE) {
        return;
      }
    }
    SlackCards.Card posted = card;
    String text = message.kind() == DeskMessage.Kind.RELAY
        ? ":bust_in_silhouette: " + EscalationCard.escape(message.text())
        : message.kind() == DeskMessage.Kind.ANNOUNCE ? ":bell: " + EscalationCard.escape(firstLine(message.text()))
        : EscalationCard.escape(message.text());
    call(() -> slack.chatPostMessage(r -> r.channel(posted.channel()).threadTs(posted.ts()).text(text)));
  }

  /** Redraws the card in place from the escalation as it is now. */
  private void refresh(SlackCards.Card card, Escalation escalation) throws SendException {
    call(() -> slack.chatUpdate(r -> r.channel(card.channel()).ts(card.ts()).text(fallback(escalation))
        .blocks(EscalationCard.blocks(escalation, brief(escalation), holder(escalation), clock.instant()))));
  }

  private String brief(Escalation escalation) {
    return SlackBlocks.fit(EscalationCard.escape(handoffs.brief(escalation)));
  }

  private String holder(Escalation escalation) {
    return escalation.advisorId() == null ? "" : escalations.advisor(escalation.advisorId()).map(Advisor::name)
        .orElse("an advisor");
  }

  private static String fallback(Escalation escalation) {
    return "Escalation #" + escalation.id() + " (" + escalation.state().wire() + "): " + escalation.reason();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse(text);
  }

  @FunctionalInterface
  interface SlackCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  /** A Web API call, Slack's failure as retry or give up. */
  static <T extends SlackApiTextResponse> T call(SlackCall<T> call) throws SendException {
    try {
      T response = call.run();
      if (!response.isOk()) {
        String error = response.getError();
        throw "ratelimited".equals(error) || "internal_error".equals(error) || "service_unavailable".equals(error)
            ? SendException.retry("Slack: " + error, null) : SendException.giveUp("Slack refused: " + error);
      }
      return response;
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      String after = e.getResponse().header("Retry-After");
      if (status == 429 || status >= 500) {
        throw SendException.retry("Slack HTTP " + status,
            after == null ? null : Duration.ofSeconds(Long.parseLong(after.strip())));
      }
      throw SendException.giveUp("Slack HTTP " + status);
    } catch (IOException e) {
      throw SendException.retry("Slack unreachable: " + e.getMessage(), null);
    }
  }
}
