package org.greendesk.config;

import java.time.Clock;
import java.util.Map;
import org.greendesk.channel.slack.SlackApp;
import org.greendesk.channel.slack.SlackChannel;
import org.greendesk.channel.slack.SlackServices;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.stats.DeskStats;
import org.jspecify.annotations.Nullable;

/**
 * The Slack app's wiring, in two steps because the desk and Slack need each other: the channel first (the outbox
 * sender takes its channels up front), the app once the desk exists.
 */
final class SlackSetup {
  private final Settings.Slack settings;
  private final SlackChannel channel;

  private SlackSetup(Settings.Slack settings, SlackChannel channel) {
    this.settings = settings;
    this.channel = channel;
  }

  /** The Slack channel added to {@code channels}; {@code null} when Slack is not configured. */
  static @Nullable SlackSetup channel(Settings.Slack settings, Map<String, CustomerChannel> channels) {
    if (!settings.enabled()) {
      return null;
    }
    SlackChannel channel = SlackChannel.connect(settings.botToken(), settings.apiUrl());
    channels.put(channel.name(), channel);
    return new SlackSetup(settings, channel);
  }

  SlackApp app(DeskServices services, GreenDesk greenDesk, ChatLanes lanes, Clock clock) {
    return new SlackApp(channel, settings.botToken(), settings.signingSecret(), new SlackServices(
        services.database().jdbc(), services.escalations(), services.handoffs(), services.desk(), lanes,
        greenDesk::assistant, greenDesk::reload,
        new DeskStats(services.database().jdbc()), settings.advisorChannel(), settings.staff(), clock));
  }
}
