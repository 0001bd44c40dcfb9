package org.greendesk.channel.slack;

import com.slack.api.methods.MethodsClient;
import org.greendesk.delivery.SendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ephemeral notices: shown to one user in a channel, best effort (a notice lost is logged, not retried). */
final class Notices {
  private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
  private final MethodsClient client;

  Notices(MethodsClient client) {
    this.client = client;
  }

  void tellOnly(String channel, String user, String text) {
    try {
      SlackAdvisorDesk.call(() -> client.chatPostEphemeral(r -> r.channel(channel).user(user).text(text)));
    } catch (SendException e) {
      LOG.info("ephemeral notice not shown: {}", e.getMessage());
    }
  }
}
