package org.greendesk.channel.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.greendesk.assistant.Assistant;
import org.greendesk.delivery.SendException;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.handoff.HandoffException;
import org.greendesk.handoff.Handoffs;
import org.greendesk.store.Jdbc;
import org.greendesk.web.WebRoutes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app (Bolt for Java) in HTTP mode: {@code /greendesk} for staff, and the advisors' side of a handoff:
 * the buttons on escalation cards and the replies in their threads. Requests are acknowledged at once and the
 * work done after, so Slack never retries for slowness; an event Slack delivers again is handled once; the bot's
 * own messages (and every bot's) are ignored.
 */
public final class SlackApp {
  private static final Logger LOG = LoggerFactory.getLogger(SlackApp.class);
  static final String NOTE_PREFIX = "note:";

  private final App app;
  private final MethodsClient client;
  private final SlackCards cards;
  private final EscalationStore escalations;
  private final Handoffs handoffs;
  private final @Nullable String advisorChannel;
  private final StaffCommands staff;
  private final Clock clock;

  /**
   * @param apiUrl the Web API's base (Slack's own, or a local fake)
   * @param advisorChannel where escalations are posted; {@code null}: no advisor desk in Slack
   */
  public SlackApp(String botToken, String signingSecret, URI apiUrl, @Nullable String advisorChannel,
      Jdbc jdbc, EscalationStore escalations, Handoffs handoffs,
      Supplier<Assistant> assistant, Clock clock) {
    SlackConfig config = new SlackConfig();
    String base = apiUrl.toString();
    config.setMethodsEndpointUrlPrefix(base.endsWith("/") ? base : base + "/");
    config.setStatsEnabled(false);
    Slack slack = Slack.getInstance(config);
    this.app = new App(AppConfig.builder().singleTeamBotToken(botToken).signingSecret(signingSecret).slack(slack)
        .build());
    this.client = slack.methods(botToken);
    this.cards = new SlackCards(jdbc);
    this.escalations = escalations;
    this.handoffs = handoffs;
    this.advisorChannel = advisorChannel;
    this.clock = clock;
    this.staff = new StaffCommands(assistant, escalations, clock);
    register();
  }

  /** The advisor desk in the advisors' channel; empty when none is set. */
  public Optional<SlackAdvisorDesk> advisorDesk() {
    return advisorChannel == null ? Optional.empty()
        : Optional.of(new SlackAdvisorDesk(client, advisorChannel, cards, escalations, handoffs, clock));
  }

  /** {@code POST /slack/events}, for the service's web server. */
  public WebRoutes routes() {
    return new SlackEvents(app);
  }

  private void register() {
    app.command("/greendesk", (req, ctx) -> ctx.ack(staff.run(req.getPayload())));
    app.blockAction(StaffCommands.SHARE, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String question = p.getActions().get(0).getValue();
      try {
        SlackAdvisorDesk.call(() -> client.chatPostMessage(r -> r.channel(p.getChannel().getId())
            .text("<@" + p.getUser().getId() + "> shared an answer")
            .blocks(staff.shared(question, p.getUser().getId()))));
      } catch (SendException e) {
        tellOnly(p.getChannel().getId(), p.getUser().getId(), "Could not share the answer: " + e.getMessage());
      }
      return ctx.ack();
    });
    app.blockAction(EscalationCard.CLAIM, (req, ctx) -> act(req.getPayload(), ctx, Move.CLAIM));
    app.blockAction(EscalationCard.RESOLVE, (req, ctx) -> act(req.getPayload(), ctx, Move.RESOLVE));
    app.blockAction(EscalationCard.RELEASE, (req, ctx) -> act(req.getPayload(), ctx, Move.RELEASE));
    app.blockAction(EscalationCard.RETURN, (req, ctx) -> act(req.getPayload(), ctx, Move.RETURN));
    app.event(MessageEvent.class, this::message);
  }

  private enum Move { CLAIM, RESOLVE, RELEASE, RETURN }

  /**
   * A button on a card: the advisor is who pressed it; a move the state or the holder forbids is explained to them
   * alone.
   */
  private Response act(BlockActionPayload p, ActionContext ctx, Move move) {
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
      tellOnly(p.getChannel().getId(), user, "Not done: " + e.getMessage() + ".");
    }
    return ctx.ack();
  }

  /** A message in a card's thread: the holding advisor's goes to the SME, unless it is a note; others stay here. */
  private Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    if (event.getBotId() != null || event.getSubtype() != null || event.getThreadTs() == null
        || event.getText() == null || !cards.firstSight(payload.getEventId(), clock.instant())) {
      return ctx.ack();
    }
    cards.atThread(event.getChannel(), event.getThreadTs()).ifPresent(card -> {
      String text = event.getText().strip();
      if (text.toLowerCase(Locale.ROOT).startsWith(NOTE_PREFIX)) {
        return;
      }
      try {
        handoffs.reply(card.escalationId(), event.getUser(), SlackText.plain(text));
      } catch (HandoffException e) {
        tellOnly(event.getChannel(), event.getUser(), "Your message stays in this thread and was not sent to the "
            + "SME: " + e.getMessage() + ". Claim the escalation to talk to them, or start with `note:` for notes.");
      }
    });
    return ctx.ack();
  }

  private void tellOnly(String channel, String user, String text) {
    try {
      SlackAdvisorDesk.call(() -> client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    } catch (SendException e) {
      LOG.info("ephemeral notice not shown: {}", e.getMessage());
    }
  }
}
