package org.greendesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLException;
import org.greendesk.base.DaemonThreads;
import org.greendesk.knowledge.SourceLink;
import org.jspecify.annotations.Nullable;

/**
 * {@code index --check-links}: asks every source URL the knowledge cites whether it still answers, with HTTP HEAD,
 * then GET when HEAD is refused (some servers answer HEAD with 403, 404 or 405), following redirects. A few URLs
 * at a time, each with a short timeout. A URL cited in several places is asked once.
 *
 * <p>A status of 400 or more, or no answer (a host not found, a connection refused, a timeout, a TLS error), is a
 * broken link. When no URL could be reached at all (no name resolved, no connection made), the machine is taken to
 * be offline: one line says so and nothing counts as broken.
 */
final class LinkCheck {
  static final String OFFLINE = "offline: links not checked";

  private final HttpClient client;
  private final Duration timeout;
  private final int concurrency;

  /**
   * @param timeout for each request, connecting included
   * @param concurrency requests in flight at most
   */
  LinkCheck(Duration timeout, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be 1 or more: " + concurrency);
    }
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    this.timeout = timeout;
    this.concurrency = concurrency;
  }

  /**
   * What became of one URL: its final status, or why there was none.
   *
   * @param unreachable no connection could be made to its host
   */
  record Outcome(int status, @Nullable String failure, boolean unreachable) {
    boolean broken() {
      return failure != null || status >= 400;
    }

    String describe() {
      return failure != null ? failure : String.valueOf(status);
    }
  }

  /**
   * Checks the links and prints the broken ones, each with its file (named from {@code folder}), where it is cited
   * and what went wrong.
   *
   * @return 0 when none is broken or the machine is offline, 1 otherwise
   */
  int run(List<SourceLink> links, Path folder, PrintStream out) throws InterruptedException {
    if (links.isEmpty()) {
      out.println("Links: none to check");
      return 0;
    }
    Map<String, Outcome> outcomes = check(new LinkedHashSet<>(links.stream().map(SourceLink::url).toList()));
    if (outcomes.values().stream().allMatch(Outcome::unreachable)) {
      out.println(OFFLINE);
      return 0;
    }
    List<SourceLink> broken = links.stream().filter(l -> outcomes.get(l.url()).broken()).toList();
    out.printf(Locale.ROOT, "Links: %d checked, %d broken%n", outcomes.size(),
        outcomes.values().stream().filter(Outcome::broken).count());
    Path base = folder.toAbsolutePath().normalize();
    for (SourceLink link : broken) {
      Path file = link.file().toAbsolutePath().normalize();
      out.printf(Locale.ROOT, "  %s (%s): %s %s%n", file.startsWith(base) ? base.relativize(file) : link.file(),
          link.where(), outcomes.get(link.url()).describe(), link.url());
    }
    return broken.isEmpty() ? 0 : 1;
  }

  /** Each URL's outcome, in the order given. */
  Map<String, Outcome> check(Iterable<String> urls) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency,
        DaemonThreads.named("greendesk-link-check"));
    try {
      Map<String, Future<Outcome>> pending = new LinkedHashMap<>();
      urls.forEach(url -> pending.put(url, pool.submit(() -> outcome(url))));
      Map<String, Outcome> outcomes = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Outcome>> entry : pending.entrySet()) {
        outcomes.put(entry.getKey(), entry.getValue().get());
      }
      return outcomes;
    } catch (ExecutionException e) {
      throw new IllegalStateException("link check failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome outcome(String url) throws InterruptedException {
    Outcome head = ask(url, "HEAD");
    return head.unreachable() || head.status() > 0 && head.status() < 400 ? head : ask(url, "GET");
  }

  private Outcome ask(String url, String method) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
          .header("User-Agent", "GreenDesk link check").method(method, HttpRequest.BodyPublishers.noBody()).build();
      return new Outcome(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null, false);
    } catch (IOException | IllegalArgumentException e) {
      return failed(e);
    }
  }

  /** A failure to connect at all is "unreachable"; any other is a broken link, said in a few words. */
  private Outcome failed(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return new Outcome(0, "host not found", true);
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return new Outcome(0, "no connection within " + seconds(), true);
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return new Outcome(0, "connection refused", true);
      }
      if (cause instanceof HttpTimeoutException) {
        return new Outcome(0, "no answer within " + seconds(), false);
      }
      if (cause instanceof SSLException) {
        return new Outcome(0, "TLS failed: " + cause.getMessage(), false);
      }
    }
    return new Outcome(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        false);
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.1f s", timeout.toMillis() / 1000.0);
  }
}
