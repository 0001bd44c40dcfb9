package org.greendesk.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.delivery.SendException;
import org.jspecify.annotations.Nullable;

/**
 * Conversations held in Slack (a direct message to the bot, or the thread of a mention) as a channel of the
 * desk: the outbox sends their answers here. A chat id is a DM's channel id, or {@code channel:thread_ts} for a
 * thread. Also the one Web API client of the Slack app. Thread safe.
 */
public final class SlackChannel implements CustomerChannel {
  public static final String NAME = "slack";
  static final String HELPFUL = "conversation_helpful";
  static final String NOT_HELPFUL = "conversation_not_helpful";

  private final Slack slack;
  private final MethodsClient client;

  private SlackChannel(Slack slack, String botToken) {
    this.slack = slack;
    this.client = slack.methods(botToken);
  }

  /** @param apiUrl the Web API's base (Slack's own, or a local fake) */
  public static SlackChannel connect(String botToken, URI apiUrl) {
    SlackConfig config = new SlackConfig();
    String base = apiUrl.toString();
    config.setMethodsEndpointUrlPrefix(base.endsWith("/") ? base : base + "/");
    config.setStatsEnabled(false);
    return new SlackChannel(Slack.getInstance(config), botToken);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(String chatId, OutgoingMessage message) throws SendException {
    Address where = Address.of(chatId);
    SlackAdvisorDesk.call(() -> client.chatPostMessage(r -> r.channel(where.channel()).threadTs(where.ts())
        .text(message.text()).blocks(blocks(chatId, message))));
  }

  /** The chat id of a DM, or of the thread a message starts or belongs to. */
  static String chatId(String channel, String ts, @Nullable String threadTs, boolean direct) {
    return direct ? channel : channel + ":" + (threadTs != null ? threadTs : ts);
  }

  private record Address(String channel, @Nullable String ts) {
    static Address of(String chatId) {
      int colon = chatId.indexOf(':');
      return colon < 0 ? new Address(chatId, null)
          : new Address(chatId.substring(0, colon), chatId.substring(colon + 1));
    }
  }

  private static List<LayoutBlock> blocks(String chatId, OutgoingMessage message) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(SlackBlocks.fit(EscalationCard.escape(message.text()))))));
    if (!message.links().isEmpty()) {
      List<String> links = message.links().stream()
          .map(l -> "<" + l.url() + "|" + EscalationCard.escape(l.title()) + ">").toList();
      blocks.add(context(c -> c.elements(List.of(markdownText("Sources: " + String.join(" · ", links))))));
    }
    if (message.actions().contains("feedback")) {
      blocks.add(actions(a -> a.elements(List.of(
          ButtonElement.builder().actionId(HELPFUL).text(plainText("Helpful")).value(chatId).build(),
          ButtonElement.builder().actionId(NOT_HELPFUL).text(plainText("Not helpful")).value(chatId).build()))));
    }
    return blocks;
  }

  Slack slack() {
    return slack;
  }

  MethodsClient client() {
    return client;
  }
}
