package org.greendesk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server every channel shares: it starts with all its routes in place (Javalin 7 takes them up front;
 * the health checks and metrics are {@link OpsRoutes}), and refuses bodies over {@link #MAX_BODY_BYTES} (413).
 * Errors are JSON with a message, never a stack trace, Jetty's own (a bad URI, headers too large) included; a
 * handler refuses a request by throwing Javalin's {@link HttpResponseException} (e.g. {@code BadRequestResponse})
 * with a message naming the problem.
 *
 * <p>Its edges: a client that sends its body slower than {@link #MIN_BYTES_PER_SECOND} is cut off, and one client
 * address holds at most {@link #THREADS_PER_CLIENT} request threads at once (its other requests wait without a
 * thread), so a few addresses trickling bodies cannot take the threads the health checks and everyone else need.
 * Every answer says {@code X-Content-Type-Options: nosniff}, and one that does not say how to cache is not cached.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** Far above any Telegram update or Slack event, far below what would hurt. */
  public static final long MAX_BODY_BYTES = 1_000_000;
  /** Any real client sends a chat message's body in one packet; a trickle is an attack or a dead link. */
  static final long MIN_BYTES_PER_SECOND = 512;
  /** Of Jetty's 200 threads: a few dozen addresses behind one office's NAT still get along. */
  static final int THREADS_PER_CLIENT = 16;

  private final Javalin app;

  private WebServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening.
   *
   * @param port 0 for any free port (tests)
   * @param clientIpHeader the header a trusted reverse proxy puts the client's address in, or {@code null} to go
   *     by the connection's address
   * @param metrics where requests the client abandoned are counted
   * @throws IllegalStateException naming the address when it cannot be bound
   */
  public static WebServer start(String host, int port, List<WebRoutes> routes, @Nullable String clientIpHeader,
      MeterRegistry metrics) {
    Counter aborted = Counter.builder("greendesk_http_aborted").description("requests the client abandoned")
        .register(metrics);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_BODY_BYTES;
      config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_BYTES_PER_SECOND));
      config.jetty.modifyServer(server -> {
        server.setErrorHandler(new JsonErrors());
        ThreadLimitHandler perClient = new ThreadLimitHandler(clientIpHeader, false);
        perClient.setThreadLimit(THREADS_PER_CLIENT);
        server.insertHandler(perClient);
      });
      routes.forEach(r -> r.addTo(config.routes));
      config.routes.after(WebServer::safeHeaders);
      // Refusals (400, 404, 413...) are JSON too, whatever the client accepts.
      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
      config.routes.exception(Exception.class, (e, ctx) -> {
        if (abandoned(e)) {
          // Nobody is left to answer, and a burst of them is no fault of ours: counted, not logged above debug.
          aborted.increment();
          LOG.debug("{} {} abandoned by the client: {}", ctx.method(), ctx.path(), e.toString());
          return;
        }
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

  private static void safeHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    if (ctx.res().getHeader("Cache-Control") == null) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /** True when the request failed because its client went away: a closed connection, a body cut short. */
  static boolean abandoned(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EofException || t instanceof ClosedChannelException) {
        return true;
      }
      if (t instanceof IOException && t.getMessage() != null
          && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
        return true;
      }
    }
    return false;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
