package org.greendesk.channel.slack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.knowledge.KnowledgeFiles;
import org.greendesk.search.HashingEmbedder;
import org.greendesk.search.RetrievalSettings;

/**
 * The whole service with Slack on, over a fake Slack Web API and a knowledge folder of the test's own (one funding
 * document to start with), answering signed requests. Closing it stops all three.
 */
final class SlackService implements AutoCloseable {
  final FakeSlackApi slack;
  final GreenDesk greenDesk;
  final Service service;
  final SignedRequests requests;

  /** @param staff the Slack user ids allowed staff-only actions, comma separated */
  SlackService(Path data, Path knowledge, String staff) throws Exception {
    this(data, knowledge, staff, Map.of());
  }

  /** @param more further settings, such as a language model's */
  SlackService(Path data, Path knowledge, String staff, Map<String, String> more) throws Exception {
    KnowledgeFiles.write(knowledge, "funding/alpha-grant.md", KnowledgeFiles.document("alpha-grant",
        "Alpha grant for solar panels", "funding", "The Alpha grant pays half the cost of solar panels on roofs."));
    slack = new FakeSlackApi();
    Map<String, String> values = new HashMap<>(more);
    values.putAll(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_KNOWLEDGE_DIR", knowledge.toString(),
        "GREENDESK_HTTP_PORT", "0", "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SignedRequests.SECRET,
        "SLACK_API_URL", slack.apiUrl(), "GREENDESK_SLACK_STAFF", staff));
    Settings settings = Settings.from(values);
    greenDesk = GreenDesk.open(settings, new HashingEmbedder(), RetrievalSettings.defaults(), Clock.systemUTC());
    service = Service.start(settings, greenDesk, new RecordingDesk(), Clock.systemUTC());
    requests = new SignedRequests(service::httpPort, slack.responseUrl());
  }

  @Override
  public void close() throws Exception {
    service.close();
    greenDesk.close();
    slack.close();
  }
}
