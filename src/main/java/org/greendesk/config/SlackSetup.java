package org.greendesk.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.greendesk.channel.slack.SlackApp;
import org.greendesk.channel.slack.SlackChannel;
import org.greendesk.channel.slack.SlackServices;
import org.greendesk.conversation.AnswerFigures;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.stats.DeskStats;
import org.greendesk.store.Jdbc;
import org.greendesk.web.WebRoutes;
import org.jspecify.annotations.Nullable;

/**
 * The Slack app's wiring, in two steps because the desk and Slack need each other: the channel first (the outbox
 * sender takes its channels up front), the app once the desk exists.
 */
final class SlackSetup {
  private final Settings settings;
  private final SlackChannel channel;

  private SlackSetup(Settings settings, SlackChannel channel) {
    this.settings = settings;
    this.channel = channel;
  }

  /** The Slack channel added to {@code channels}; {@code null} when Slack is not configured. */
  static @Nullable SlackSetup channel(Settings settings, Map<String, CustomerChannel> channels) {
    Settings.Slack slack = settings.slack();
    if (!slack.enabled()) {
      return null;
    }
    SlackChannel channel = SlackChannel.connect(slack.botToken(), slack.apiUrl());
    channels.put(channel.name(), channel);
    return new SlackSetup(settings, channel);
  }

  /**
   * The app, with its advisor desk put in place, and reachable: through Socket Mode when an app token is set,
   * else through {@code POST /slack/events} among the routes.
   */
  SlackApp start(DeskServices services, GreenDesk greenDesk, KnowledgeReload reload, ChatLanes lanes, Clock clock,
      AtomicReference<AdvisorDesk> desk, List<WebRoutes> routes) {
    SlackApp app = app(services, greenDesk, reload, lanes, clock);
    app.advisorDesk().ifPresent(desk::set);
    String appToken = settings.slack().appToken();
    if (appToken == null) {
      routes.add(app.routes());
    } else {
      app.connect(appToken);
    }
    return app;
  }

  private SlackApp app(DeskServices services, GreenDesk greenDesk, KnowledgeReload reload, ChatLanes lanes,
      Clock clock) {
    Settings.Slack slack = settings.slack();
    Jdbc jdbc = services.database().jdbc();
    return new SlackApp(channel, slack.botToken(), slack.signingSecret(), new SlackServices(jdbc,
        services.escalations(), services.handoffs(), services.desk(), lanes, greenDesk::assistant,
        greenDesk::knowledge, reload, new DeskStats(jdbc, new AnswerFigures(jdbc)), services.candidates(),
        new KnowledgeDrafts(settings.knowledgeDir()), slack.advisorChannel(), slack.staff(), clock));
  }
}
