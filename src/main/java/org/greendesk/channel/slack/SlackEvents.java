package org.greendesk.channel.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.greendesk.web.WebRoutes;

/**
 * {@code POST /slack/events}: events, slash commands and button presses from Slack, handed to the Bolt app.
 * Bolt's own middleware checks the request signature and refuses stale timestamps before any handler runs.
 */
final class SlackEvents implements WebRoutes {
  static final String PATH = "/slack/events";

  private final App app;
  private final SlackRequestParser parser;

  SlackEvents(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.post(PATH, this::receive);
  }

  private void receive(Context ctx) throws Exception {
    Map<String, List<String>> headers = new HashMap<>();
    ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri(ctx.path())
        .queryString(Map.of()).headers(new RequestHeaders(headers)).requestBody(ctx.body())
        .remoteAddress(ctx.ip()).build());
    Response response = app.run(request);
    ctx.status(response.getStatusCode());
    if (response.getContentType() != null) {
      ctx.contentType(response.getContentType());
    }
    response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.header(name, v)));
    if (response.getBody() != null) {
      ctx.result(response.getBody());
    }
  }
}
