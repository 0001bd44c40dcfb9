package org.greendesk.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.FloodGuard;
import org.greendesk.delivery.RecordingDesk;
import org.greendesk.eval.EvalQuestion;
import org.greendesk.eval.EvalSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path under load, as {@code serve} runs it: a local fake Bot API hands out bursts of updates by long
 * polling, the service answers through the desk and the outbox, and the fake records each answer. Checks that
 * every chat is answered exactly once with threads kept bounded, and prints messages a second and latency: figures
 * for the README, not assertions (this machine is shared). CPU time a message is the steadier figure on a shared
 * machine. {@code -Dgreendesk.bench.chats=N} sets the load, {@code -Dgreendesk.bench.distinct=true} words every
 * question apart.
 */
class TelegramThroughputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHATS = Integer.getInteger("greendesk.bench.chats", 1000);
  /** Chats answered before the measured burst, so that it meets compiled code rather than the JIT compiler. */
  private static final int WARM_UP = Integer.getInteger("greendesk.bench.warmup", 1000);
  /** Every question of the measured burst worded apart, so that none is answered from remembered work. */
  private static final boolean DISTINCT = Boolean.getBoolean("greendesk.bench.distinct");

  @TempDir Path data;
  private final MockWebServer botApi = new MockWebServer();
  private final ConcurrentLinkedQueue<String> pendingUpdates = new ConcurrentLinkedQueue<>();
  /** When each chat's update was handed out, and when each answer arrived, in nanoseconds. */
  private final Map<String, Long> servedAt = new ConcurrentHashMap<>();
  private final Map<String, List<Long>> answeredAt = new ConcurrentHashMap<>();
  private final AtomicInteger answers = new AtomicInteger();
  private Service service;

  /** Hands out updates a batch at a time (the Bot API's most is 100, unless told otherwise), then holds. */
  private final class FakeBotApi extends Dispatcher {
    private final int batch;

    FakeBotApi(int batch) {
      this.batch = batch;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      String path = request.getPath() == null ? "" : request.getPath().toLowerCase(Locale.ROOT);
      String method = path.substring(path.lastIndexOf('/') + 1);
      return switch (method) {
        case "getme" -> ok("{\"id\":1,\"is_bot\":true,\"first_name\":\"GreenDesk\",\"username\":\"greendesk_bot\"}");
        case "getupdates" -> updates();
        case "sendmessage" -> answer(request.getBody().readUtf8());
        default -> ok("true");
      };
    }

    private MockResponse updates() {
      List<String> next = new ArrayList<>();
      for (String u = pendingUpdates.poll(); u != null; u = next.size() < batch ? pendingUpdates.poll() : null) {
        next.add(u);
      }
      if (next.isEmpty()) {
        return ok("[]").setBodyDelay(200, TimeUnit.MILLISECONDS);
      }
      long now = System.nanoTime();
      next.forEach(u -> servedAt.putIfAbsent(chatOf(u), now));
      return ok("[" + String.join(",", next) + "]");
    }

    private MockResponse answer(String body) {
      long now = System.nanoTime();
      try {
        String chat = JSON.readTree(body).path("chat_id").asText();
        answeredAt.computeIfAbsent(chat, c -> Collections.synchronizedList(new ArrayList<>())).add(now);
        answers.incrementAndGet();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return ok("{\"message_id\":1,\"date\":1763884800,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}");
    }
  }

  private static String chatOf(String update) {
    try {
      return JSON.readTree(update).path("message").path("chat").path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String update(int updateId, long chat, String text) throws IOException {
    JsonNode message = JSON.createObjectNode().put("message_id", updateId).put("date", 1763884800)
        .put("text", text)
        .set("chat", JSON.createObjectNode().put("id", chat).put("type", "private"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) message).set("from",
        JSON.createObjectNode().put("id", chat).put("is_bot", false).put("first_name", "SME " + chat));
    return JSON.writeValueAsString(JSON.createObjectNode().put("update_id", updateId).set("message", message));
  }

  private static MockResponse ok(String result) {
    return new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"ok\":true,\"result\":" + result + "}");
  }

  /**
   * Sockets that send at once, as Telegram's servers do: MockWebServer writes a response's head and body apart, and
   * Nagle's algorithm would then hold the body until the client's delayed acknowledgement, some 40 ms a request.
   */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }
  }

  private void serve(int batch) throws Exception {
    botApi.setServerSocketFactory(new NoDelayServerSockets());
    botApi.setDispatcher(new FakeBotApi(batch));
    botApi.start();
    service = Service.start(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString(), "GREENDESK_HTTP_PORT", "0",
        "TELEGRAM_BOT_TOKEN", "123:token", "TELEGRAM_API_URL", botApi.url("/").toString(),
        // The fake has no rate limit; Telegram's own 30 a second would be the whole measurement.
        "TELEGRAM_SENDS_PER_SECOND", "10000")), TestDesk.get(), new RecordingDesk(), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    botApi.shutdown();
  }

  /** Samples the process's thread count until stopped; returns the highest seen. */
  private static final class ThreadWatch implements AutoCloseable {
    private final AtomicInteger peak = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    ThreadWatch() {
      sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
          ManagementFactory.getThreadMXBean().getThreadCount(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
    }

    int peak() {
      return peak.get();
    }

    @Override
    public void close() {
      sampler.shutdownNow();
    }
  }

  @Test
  void should_answer_every_chat_of_a_burst_once_with_bounded_threads() throws Exception {
    // given a service warmed up by a first burst, as one that has been running a while would be
    List<EvalQuestion> questions = EvalSet.load(Path.of("eval/retrieval"));
    TestDesk.get().assistant(); // the model and the index are loaded before the clock starts
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    try (ThreadWatch threads = new ThreadWatch()) {
      serve(100);
      answerAll(burst(WARM_UP, 1, questions, true));
      servedAt.clear();
      answeredAt.clear();

      // when a burst of questions from many chats all waits at the Bot API
      long cpuBefore = processCpuNanos();
      List<String> chats = burst(CHATS, WARM_UP + 1, questions, DISTINCT);
      answerAll(chats);
      long cpu = processCpuNanos() - cpuBefore;
      TimeUnit.MILLISECONDS.sleep(500); // room for a duplicate to show up

      // then
      assertThat(answeredAt).hasSize(CHATS);
      assertThat(answeredAt.values()).allSatisfy(times -> assertThat(times).hasSize(1));
      assertThat(threads.peak() - threadsBefore).as("threads added by the service").isLessThan(80);
      report(threads.peak() - threadsBefore, cpu);
    }
  }

  /**
   * Queues one question from each of {@code count} new chats; returns the chats.
   *
   * @param distinct whether each question is worded apart from every other, or the evaluation set's questions are
   *     asked again and again, as a help desk's are
   */
  private List<String> burst(int count, int firstUpdate, List<EvalQuestion> questions, boolean distinct)
      throws IOException {
    List<String> chats = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int updateId = firstUpdate + i;
      String question = questions.get(updateId % questions.size()).q();
      chats.add(String.valueOf(100_000L + updateId));
      pendingUpdates.add(update(updateId, 100_000L + updateId, distinct ? "Q" + updateId + ": " + question : question));
    }
    return chats;
  }

  private void answerAll(List<String> chats) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!answeredAt.keySet().containsAll(chats) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Test
  void should_slow_down_a_flood_from_one_chat_without_answering_it_all() throws Exception {
    // given a thousand messages from one chat in a single delivery
    for (int i = 0; i < 1000; i++) {
      pendingUpdates.add(update(i + 1, 42, "What is CBAM? (" + i + ")"));
    }

    // when
    serve(1000);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (answers.get() < FloodGuard.MESSAGES_PER_MINUTE + 1 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    TimeUnit.SECONDS.sleep(2);

    // then: the first twenty answered (one a second, Telegram's pace in a chat) or still queued, one warning, no more
    int queued = service.services().sender().pending();
    assertThat(answers.get() + queued).isEqualTo(FloodGuard.MESSAGES_PER_MINUTE + 1);
  }

  /** @param cpu the CPU time the process spent on the burst, in all its threads (the fake Bot API's too) */
  private void report(int threadsAdded, long cpu) throws IOException {
    long first = Collections.min(servedAt.values());
    long last = answeredAt.values().stream().flatMap(List::stream).max(Long::compare).orElseThrow();
    List<Long> latencies = new ArrayList<>();
    answeredAt.forEach((chat, times) -> latencies.add(times.get(0) - servedAt.get(chat)));
    Collections.sort(latencies);
    double seconds = (last - first) / 1e9;

    String line = String.format(Locale.ROOT, "Telegram throughput (%s): %d chats answered in %.2f s = %.0f messages/s; "
            + "latency p50 %d ms, p99 %d ms, max %d ms; CPU %.1f ms a message; %d threads added; %d cores, "
            + "heap max %d MiB",
        DISTINCT ? "distinct questions" : "questions asked again", CHATS, seconds, CHATS / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
        latencies.get(latencies.size() - 1) / 1_000_000, cpu / 1e6 / CHATS, threadsAdded,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.println(line);
    Files.writeString(Path.of("target/telegram-throughput.txt"), line + System.lineSeparator());
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1_000_000;
  }
}
