package org.greendesk.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.greendesk.assistant.LanguageModel;
import org.greendesk.assistant.LlmMetrics;
import org.greendesk.assistant.ModelException;
import org.greendesk.assistant.ModelReply;
import org.greendesk.assistant.ModelRequest;
import org.greendesk.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to the model passes through here: at most {@code maxConcurrent} calls in flight (a caller waits up to
 * {@code queueWait} for a slot, then gets {@link ModelException.Kind#BUSY}), an answer within {@code timeout} or
 * {@link ModelException.Kind#TIMEOUT}, and a {@link CircuitBreaker} that refuses calls at once after repeated
 * timeouts and failures. Latency, outcome and tokens of each call go to {@link LlmMetrics}. Logs never hold the
 * prompt or the answer. Thread safe; close it to stop its threads.
 */
public final class GuardedLanguageModel implements LanguageModel, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedLanguageModel.class);

  private final LanguageModel model;
  private final Limits limits;
  private final CircuitBreaker breaker;
  private final LlmMetrics metrics;
  private final Semaphore slots;
  private final ExecutorService calls;

  /**
   * @param timeout the longest a caller waits for an answer
   * @param maxConcurrent calls in flight at most; a call that timed out keeps its slot until the client gives up
   * @param queueWait the longest a caller waits for a free slot
   * @param failuresToOpen timeouts and failures in a row that open the circuit
   * @param openFor how long an open circuit refuses calls before it lets a trial through
   */
  public record Limits(Duration timeout, int maxConcurrent, Duration queueWait, int failuresToOpen, Duration openFor) {
    public Limits {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
      }
    }
  }

  /** @param clock when the circuit breaker's open period ends */
  public GuardedLanguageModel(LanguageModel model, Limits limits, LlmMetrics metrics, Clock clock) {
    this.model = model;
    this.limits = limits;
    this.breaker = new CircuitBreaker(limits.failuresToOpen(), limits.openFor(), clock);
    this.metrics = metrics;
    this.slots = new Semaphore(limits.maxConcurrent());
    this.calls = Executors.newCachedThreadPool(DaemonThreads.named("llm-call"));
  }

  @Override
  public ModelReply complete(ModelRequest request) {
    if (!breaker.allows()) {
      throw refused(request, ModelException.Kind.CIRCUIT_OPEN, "the circuit is open after repeated failures");
    }
    if (!acquire()) {
      breaker.ignored();
      throw refused(request, ModelException.Kind.BUSY, limits.maxConcurrent() + " calls already in flight");
    }
    long start = System.nanoTime();
    Future<ModelReply> call = calls.submit(() -> {
      try {
        return model.complete(request);
      } finally {
        slots.release();
      }
    });
    try {
      ModelReply reply = call.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      breaker.succeeded();
      metrics.call(request.task(), "ok", elapsed(start), reply);
      return reply;
    } catch (TimeoutException e) {
      call.cancel(true);
      throw failed(request, new ModelException(ModelException.Kind.TIMEOUT,
          "no answer within " + limits.timeout().toMillis() + " ms"), start);
    } catch (ExecutionException e) {
      ModelException failure = e.getCause() instanceof ModelException m ? m
          : new ModelException(ModelException.Kind.FAILED, "the model client failed", e.getCause());
      throw failed(request, failure, start);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw failed(request, new ModelException(ModelException.Kind.FAILED, "interrupted while waiting", e), start);
    }
  }

  private boolean acquire() {
    try {
      return slots.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ModelException refused(ModelRequest request, ModelException.Kind kind, String why) {
    metrics.call(request.task(), kind.wire(), Duration.ZERO);
    LOG.debug("language model not called for {}: {}", request.task().wire(), why);
    return new ModelException(kind, why);
  }

  private ModelException failed(ModelRequest request, ModelException failure, long start) {
    Duration took = elapsed(start);
    metrics.call(request.task(), failure.kind().wire(), took);
    boolean opened = false;
    if (failure.kind().countsAsFailure()) {
      opened = breaker.failed();
    } else {
      breaker.ignored();
    }
    // The kind only: a server's error message may quote the request, and the request holds the SME's words.
    LOG.warn("language model call for {} failed ({}) after {} ms; answering without it", request.task().wire(),
        failure.kind().wire(), took.toMillis());
    LOG.debug("language model failure detail", failure);
    if (opened) {
      LOG.warn("language model failed {} times in a row: not calling it for {} s", limits.failuresToOpen(),
          limits.openFor().toSeconds());
    }
    return failure;
  }

  /** Measured on the monotonic clock: the wall clock (the injected one) may jump. */
  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
