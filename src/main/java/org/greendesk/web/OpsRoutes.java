package org.greendesk.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.greendesk.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator or an orchestrator asks the service, as JSON except for the metrics:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process serves HTTP at all (a liveness probe: restart if not);
 *   <li>{@code GET /health/ready} and {@code GET /health}: 200 {@code {"status": "up", "checks": {...}}} when every
 *       check passes, else 503 with {@code "status": "down"} and the failing check marked {@code down} with the kind
 *       of failure (a readiness probe: send no traffic here meanwhile). Error details go to the log, not the answer,
 *       which may be public;
 *   <li>{@code GET /metrics}: the meters in Prometheus' text format.
 * </ul>
 *
 * Each check runs with a time limit, so that a database that hangs makes the service not ready instead of making
 * the probe hang.
 */
public final class OpsRoutes implements WebRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);
  private static final long CHECK_SECONDS = 3;
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** One part the service needs; it passes when it returns, and what it returns describes the part. */
  @FunctionalInterface
  public interface Check {
    String run() throws Exception;
  }

  private final Map<String, Check> checks;
  private final Supplier<String> metrics;
  private final ExecutorService checking = Executors.newCachedThreadPool(DaemonThreads.named("greendesk-health"));

  /**
   * @param checks by name ("database", "index"), in the order they are reported
   * @param metrics the scrape, in Prometheus' text format
   */
  public OpsRoutes(Map<String, Check> checks, Supplier<String> metrics) {
    this.checks = new LinkedHashMap<>(checks);
    this.metrics = metrics;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/health/ready", this::ready);
    routes.get("/health", this::ready);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get()));
  }

  private void ready(Context ctx) {
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    boolean up = true;
    for (Map.Entry<String, Check> check : checks.entrySet()) {
      Map<String, String> result = run(check.getKey(), check.getValue());
      up &= result.get("status").equals("up");
      results.put(check.getKey(), result);
    }
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", up ? "up" : "down", "checks", results));
  }

  private Map<String, String> run(String name, Check check) {
    CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
      try {
        return check.run();
      } catch (Exception e) {
        throw new CheckFailed(e);
      }
    }, checking);
    try {
      return Map.of("status", "up", "detail", result.get(CHECK_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      result.cancel(true);
      LOG.warn("health check {} took more than {} s", name, CHECK_SECONDS);
      return Map.of("status", "down", "error", "timeout");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CheckFailed failed ? failed.getCause() : e.getCause();
      LOG.warn("health check {} failed: {}", name, cause.toString());
      return Map.of("status", "down", "error", cause.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("status", "down", "error", "interrupted");
    }
  }

  /** Carries a check's checked exception out of the future. */
  private static final class CheckFailed extends RuntimeException {
    CheckFailed(Exception cause) {
      super(cause);
    }
  }
}
