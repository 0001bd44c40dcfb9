package org.greendesk.channel.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local fake of the Slack Web API: every call is recorded as "method body" (form bodies URL-decoded), and
 * answered ok, with the channel posted to and a fresh message ts for posts. Posts to a response URL
 * ({@code /hooks/...}) are recorded as "hooks body". A method can be given its own answer.
 */
final class FakeSlackApi extends Dispatcher implements AutoCloseable {
  static final String BOT_USER = "UBOT";

  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger ts = new AtomicInteger(1000);
  private final Map<String, String> results = new ConcurrentHashMap<>();

  FakeSlackApi() throws Exception {
    server.setDispatcher(this);
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  String apiUrl() {
    return server.url("/api/").toString();
  }

  String responseUrl() {
    return server.url("/hooks/1").toString();
  }

  /** Answers the method with these fields (JSON, without braces) after {@code "ok":true}. */
  void answer(String method, String fields) {
    results.put(method, fields);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    String method = path.startsWith("/hooks/") ? "hooks" : path.substring(path.lastIndexOf('/') + 1);
    String body = request.getBody().readUtf8();
    calls.add(method + " " + URLDecoder.decode(body, StandardCharsets.UTF_8));
    String result = results.getOrDefault(method, switch (method) {
      case "auth.test" -> "\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BBOT\",\"team_id\":\"T1\"";
      case "chat.postMessage", "chat.update" -> "\"channel\":\"" + field(body, "channel") + "\",\"ts\":\""
          + ts.incrementAndGet() + ".000\"";
      default -> "\"x\":1";
    });
    return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"ok\":true," + result + "}");
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  /** The next call that matches, waiting up to 30 s; calls that do not match are dropped. */
  String next(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String call = calls.poll(100, TimeUnit.MILLISECONDS);
      if (call != null && wanted.test(call)) {
        return call;
      }
    }
    throw new AssertionError("no matching Slack call arrived");
  }

  /** The next call of the method, waiting up to 30 s. */
  String next(String method) throws InterruptedException {
    return next(call -> call.startsWith(method + " "));
  }

  /** A call that matches within the time, or null. */
  String poll(Predicate<String> wanted, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      String call = calls.poll(50, TimeUnit.MILLISECONDS);
      if (call != null && wanted.test(call)) {
        return call;
      }
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    server.shutdown();
  }
}
