package org.greendesk.conversation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.greendesk.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work of different chats at once and the work of one chat in the order it was submitted, on a fixed
 * number of threads: a chat's second message is never answered before its first, and a busy chat does not hold
 * up the others. A task that fails is logged and does not stop the tasks after it. Thread safe.
 */
public final class ChatLanes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

  /** One piece of work for a chat. */
  public record Work(String chat, Runnable task) {}

  private final ExecutorService workers;
  /** The last task submitted for each chat that still runs or waits; a chat with nothing pending has no entry. */
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /** @param threads how many chats are worked on at once */
  public ChatLanes(int threads, String name) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
  }

  /** Queues the task behind the chat's earlier ones; the future completes when it has run (or failed). */
  public CompletableFuture<Void> submit(String chat, Runnable task) {
    CompletableFuture<Void> next = tails.compute(chat, (key, tail) ->
        (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
            .handleAsync((done, failed) -> run(task), workers));
    next.whenComplete((done, failed) -> tails.remove(chat, next));
    return next;
  }

  /**
   * Runs a batch and returns when all of it has run: a caller that acknowledges the batch afterwards (a long
   * poll's next offset, a webhook's 200) never acknowledges work that has not been done.
   */
  public void runAll(List<Work> batch) throws InterruptedException {
    CompletableFuture<?>[] futures = batch.stream().map(w -> submit(w.chat(), w.task()))
        .toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(futures).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a task failed outside its own handling", e);
    }
  }

  private static Void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("chat task failed: {}", e.toString());
    }
    return null;
  }

  /** Lets queued work finish, waiting up to ten seconds. */
  @Override
  public void close() throws InterruptedException {
    workers.shutdown();
    if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
  }
}
