package org.greendesk.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server every channel shares: it starts with all its routes in place (Javalin 7 takes them up front;
 * the health checks and metrics are {@link OpsRoutes}), and refuses bodies over {@link #MAX_BODY_BYTES} (413).
 * Errors are JSON with a message, never a stack trace; a handler refuses a request by throwing Javalin's
 * {@link HttpResponseException} (e.g. {@code BadRequestResponse}) with a message naming the problem.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** Far above any Telegram update or Slack event, far below what would hurt. */
  public static final long MAX_BODY_BYTES = 1_000_000;

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening.
   *
   * @param port 0 for any free port (tests)
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static WebServer start(String host, int port, List<WebRoutes> routes) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      routes.forEach(r -> r.addTo(config.routes));
      // Refusals (400, 404, 413...) are JSON too, whatever the client accepts.
      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(Map.of("error", "internal error"));
      });
    });
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port
          + " (GREENDESK_HTTP_HOST, GREENDESK_HTTP_PORT): " + e.getMessage(), e);
    }
    return new WebServer(app);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
