package org.greendesk.channel.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Optional;
import org.greendesk.delivery.SendException;
import org.greendesk.web.WebRoutes;
import org.jspecify.annotations.Nullable;

/**
 * The Slack app (Bolt for Java): {@code /greendesk} for staff, questions by mention or direct message, the App
 * Home, and the advisors' side of a handoff: the buttons on escalation cards and the replies in their threads.
 * Requests are acknowledged at once and the work done after, so Slack never retries for slowness; an event Slack
 * delivers again is handled once; the bot's own messages (and every bot's) are ignored. In HTTP mode every request
 * reaches the handlers through Bolt's signature check; in Socket Mode through the socket the app token opened.
 */
public final class SlackApp implements AutoCloseable {
  private final App app;
  private final SlackChannel slack;
  private final SlackServices services;
  private final SlackCards cards;
  private final Notices notices;
  private final StaffCommands staff;
  private final AdvisorActions advisors;
  private final SlackConversations conversations;
  private final SlackHome home;
  private @Nullable SocketModeApp socketMode;

  /** @param slack the Web API client, also the channel through which the desk answers Slack conversations */
  public SlackApp(SlackChannel slack, String botToken, @Nullable String signingSecret, SlackServices services) {
    this.app = new App(AppConfig.builder().singleTeamBotToken(botToken).signingSecret(signingSecret)
        .slack(slack.slack()).build());
    this.slack = slack;
    this.services = services;
    this.cards = new SlackCards(services.jdbc());
    this.notices = new Notices(slack.client());
    this.staff = new StaffCommands(services);
    this.advisors = new AdvisorActions(services.escalations(), services.handoffs(), cards, notices);
    this.conversations = new SlackConversations(services, cards);
    this.home = new SlackHome(services, slack.client());
    register();
  }

  /** The advisor desk in the advisors' channel; empty when none is set. */
  public Optional<SlackAdvisorDesk> advisorDesk() {
    return Optional.ofNullable(services.advisorChannel()).map(channel -> new SlackAdvisorDesk(slack.client(), channel,
        cards, services.escalations(), services.handoffs(), services.clock()));
  }

  /** {@code POST /slack/events}, for the service's web server (HTTP mode). */
  public WebRoutes routes() {
    return new SlackEvents(app);
  }

  /**
   * Socket Mode instead of HTTP mode: the same handlers, reached through a WebSocket the app opens with its
   * app-level token ({@code apps.connections.open}), so no public address is needed. Reconnects by itself.
   *
   * @throws IllegalStateException naming SLACK_APP_TOKEN when Slack refuses the token or cannot be reached
   */
  public synchronized void connect(String appToken) {
    try {
      socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
    } catch (Exception e) {
      throw new IllegalStateException("cannot open Slack Socket Mode with SLACK_APP_TOKEN: " + e.getMessage(), e);
    }
  }

  /** Closes the Socket Mode connection, if one is open. */
  @Override
  public synchronized void close() throws Exception {
    if (socketMode != null) {
      socketMode.close();
    }
  }

  private void register() {
    app.command("/greendesk", (req, ctx) -> staff.run(req.getPayload(), ctx));
    app.blockAction(StaffCommands.SHARE, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String question = p.getActions().get(0).getValue();
      // Answered again after the acknowledgement: with a language model that takes longer than Slack waits.
      services.lanes().submit("slack:ask:" + p.getUser().getId(), () -> {
        try {
          SlackAdvisorDesk.call(() -> slack.client().chatPostMessage(r -> r.channel(p.getChannel().getId())
              .text("<@" + p.getUser().getId() + "> shared an answer")
              .blocks(staff.shared(question, p.getUser().getId()))));
        } catch (SendException e) {
          notices.tellOnly(p.getChannel().getId(), p.getUser().getId(),
              "Could not share the answer: " + e.getMessage());
        }
      });
      return ctx.ack();
    });
    app.blockAction(EscalationCard.CLAIM, (req, ctx) -> move(req.getPayload(), AdvisorActions.Move.CLAIM, ctx));
    app.blockAction(EscalationCard.RESOLVE, (req, ctx) -> move(req.getPayload(), AdvisorActions.Move.RESOLVE, ctx));
    app.blockAction(EscalationCard.RELEASE, (req, ctx) -> move(req.getPayload(), AdvisorActions.Move.RELEASE, ctx));
    app.blockAction(EscalationCard.RETURN, (req, ctx) -> move(req.getPayload(), AdvisorActions.Move.RETURN, ctx));
    app.blockAction(SlackChannel.HELPFUL, (req, ctx) -> feedback(req.getPayload(), true, ctx));
    app.blockAction(SlackChannel.NOT_HELPFUL, (req, ctx) -> feedback(req.getPayload(), false, ctx));
    app.event(MessageEvent.class, this::message);
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      if ("home".equals(payload.getEvent().getTab())) {
        home.refresh(payload.getEvent().getUser(), null);
      }
      return ctx.ack();
    });
    app.blockAction(SlackHome.ACCEPT, (req, ctx) -> decide(req.getPayload(), true, ctx));
    app.blockAction(SlackHome.DISMISS, (req, ctx) -> decide(req.getPayload(), false, ctx));
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      conversations.mention(payload);
      return ctx.ack();
    });
  }

  private Response feedback(BlockActionPayload p, boolean helpful, ActionContext ctx) {
    conversations.feedback(p.getActions().get(0).getValue(), helpful);
    notices.tellOnly(p.getChannel().getId(), p.getUser().getId(), "Thanks, noted.");
    return ctx.ack();
  }

  /** Accept or Dismiss on the App Home: the user is who pressed it, checked for staff there. */
  private Response decide(BlockActionPayload p, boolean accept, ActionContext ctx) {
    long candidate = Long.parseLong(p.getActions().get(0).getValue());
    if (accept) {
      home.accept(p.getUser().getId(), candidate);
    } else {
      home.dismiss(p.getUser().getId(), candidate);
    }
    return ctx.ack();
  }

  private Response move(BlockActionPayload payload, AdvisorActions.Move move, ActionContext ctx) {
    advisors.act(payload, move);
    return ctx.ack();
  }

  /** A message the bot can see: a direct message to it, or a reply in a card's thread; anything else is left. */
  private Response message(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    if (conversations.direct(event, ctx.getBotUserId())) {
      return ctx.ack();
    }
    if (event.getBotId() != null || event.getSubtype() != null || event.getText() == null
        || event.getThreadTs() == null) {
      return ctx.ack();
    }
    // Only a card's thread matters; other threads' events are not remembered, or the table would grow with them.
    cards.atThread(event.getChannel(), event.getThreadTs())
        .filter(card -> cards.firstSight(payload.getEventId(), services.clock().instant()))
        .ifPresent(card -> advisors.threadReply(event, card));
    return ctx.ack();
  }
}
