package org.greendesk.assistant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * What the language model costs and how often its work is used, as Micrometer meters, so that the service can
 * export them (Prometheus) without this class knowing how. Thread safe.
 *
 * <ul>
 *   <li>{@value #CALLS}: a timer per call, tagged {@code task} (answer, rewrite, brief) and {@code outcome} (ok,
 *       timeout, failed, refused, busy, circuit_open);
 *   <li>{@value #TOKENS}: tokens counted by the server, tagged {@code task} and {@code type} (input, output);
 *   <li>{@value #RESULTS}: what became of each task, tagged {@code task} and {@code result}: {@code used}, or why
 *       the offline way was taken instead (model_error, no_citation, unknown_citation, empty, legal_certainty).
 * </ul>
 */
public final class LlmMetrics {
  public static final String CALLS = "greendesk.llm.calls";
  public static final String TOKENS = "greendesk.llm.tokens";
  public static final String RESULTS = "greendesk.llm.results";

  private final MeterRegistry registry;

  public LlmMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics kept in memory only, until something exports them. */
  public static LlmMetrics inMemory() {
    return new LlmMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A call that produced a reply, with the tokens the server counted. */
  public void call(ModelTask task, String outcome, Duration latency, ModelReply reply) {
    Timer.builder(CALLS).description("language model calls").tag("task", task.wire()).tag("outcome", outcome)
        .register(registry).record(latency);
    tokens(task, "input").increment(reply.inputTokens());
    tokens(task, "output").increment(reply.outputTokens());
  }

  /** A call that ended without a reply. */
  public void call(ModelTask task, String outcome, Duration latency) {
    call(task, outcome, latency, ModelReply.of(""));
  }

  /** What became of a task: {@code used}, or why the model's work was set aside. */
  public void result(ModelTask task, String result) {
    Counter.builder(RESULTS).description("what became of the model's work").tag("task", task.wire())
        .tag("result", result).register(registry).increment();
  }

  private Counter tokens(ModelTask task, String type) {
    return Counter.builder(TOKENS).description("tokens counted by the model server").baseUnit("tokens")
        .tag("task", task.wire()).tag("type", type).register(registry);
  }
}
