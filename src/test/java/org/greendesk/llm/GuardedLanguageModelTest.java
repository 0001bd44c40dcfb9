package org.greendesk.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.greendesk.assistant.FakeLanguageModel;
import org.greendesk.assistant.LanguageModel;
import org.greendesk.assistant.LlmMetrics;
import org.greendesk.assistant.ModelException;
import org.greendesk.assistant.ModelReply;
import org.greendesk.assistant.ModelRequest;
import org.greendesk.assistant.ModelTask;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, bounded concurrency, the circuit breaker and the metrics, around fake models. */
class GuardedLanguageModelTest {
  private static final ModelRequest ANSWER = new ModelRequest(ModelTask.ANSWER, "rules", "question");
  private static final GuardedLanguageModel.Limits LIMITS =
      new GuardedLanguageModel.Limits(Duration.ofMillis(200), 2, Duration.ZERO, 3, Duration.ofMinutes(1));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final LlmMetrics metrics = LlmMetrics.inMemory();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private GuardedLanguageModel guarded;

  private GuardedLanguageModel guard(LanguageModel model, GuardedLanguageModel.Limits limits) {
    guarded = new GuardedLanguageModel(model, limits, metrics, clock);
    return guarded;
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    if (guarded != null) {
      guarded.close();
    }
  }

  private long calls(String outcome) {
    Timer timer = metrics.registry().find(LlmMetrics.CALLS).tag("task", "answer").tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private double tokens(String type) {
    return metrics.registry().get(LlmMetrics.TOKENS).tag("task", "answer").tag("type", type).counter().count();
  }

  @Test
  void should_pass_the_answer_through_and_count_its_tokens() {
    ModelReply reply = guard(FakeLanguageModel.answering("CBAM [1]"), LIMITS).complete(ANSWER);

    assertThat(reply.text()).isEqualTo("CBAM [1]");
    assertThat(calls("ok")).isEqualTo(1);
    assertThat(tokens("input")).isEqualTo(100);
    assertThat(tokens("output")).isEqualTo(20);
  }

  @Test
  void should_give_up_on_a_slow_model_with_a_timeout() {
    FakeLanguageModel slow = FakeLanguageModel.slow("too late");

    assertThatThrownBy(() -> guard(slow, LIMITS).complete(ANSWER))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.TIMEOUT));
    assertThat(calls("timeout")).isEqualTo(1);
  }

  @Test
  void should_turn_an_unexpected_client_exception_into_a_model_failure() {
    GuardedLanguageModel model = guard(FakeLanguageModel.failing(new IllegalStateException("bug")), LIMITS);

    assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
        .isEqualTo(ModelException.Kind.FAILED);
    assertThat(calls("failed")).isEqualTo(1);
  }

  @Test
  void should_refuse_a_call_beyond_the_concurrency_limit() throws Exception {
    FakeLanguageModel slow = FakeLanguageModel.slow("done");
    GuardedLanguageModel model = guard(slow, new GuardedLanguageModel.Limits(Duration.ofMinutes(1), 1, Duration.ZERO,
        3, Duration.ofMinutes(1)));
    Future<ModelReply> first = callers.submit(() -> model.complete(ANSWER));
    while (slow.requests().isEmpty()) {
      Thread.onSpinWait(); // until the first call holds the only slot
    }

    assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
        .isEqualTo(ModelException.Kind.BUSY);
    slow.release();
    assertThat(first.get().text()).isEqualTo("done");
    assertThat(model.complete(ANSWER).text()).isEqualTo("done");
    assertThat(calls("busy")).isEqualTo(1);
  }

  @Test
  void should_open_the_circuit_after_repeated_failures_and_try_again_later() {
    FakeLanguageModel down = FakeLanguageModel.failing(new ModelException(ModelException.Kind.FAILED, "500"));
    GuardedLanguageModel model = guard(down, LIMITS);
    for (int i = 0; i < 3; i++) {
      assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
          .isEqualTo(ModelException.Kind.FAILED);
    }

    assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
        .isEqualTo(ModelException.Kind.CIRCUIT_OPEN);
    assertThat(down.requests()).hasSize(3);

    clock.advance(Duration.ofMinutes(1));
    assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
        .isEqualTo(ModelException.Kind.FAILED);
    assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
        .isEqualTo(ModelException.Kind.CIRCUIT_OPEN);
    assertThat(down.requests()).hasSize(4);
  }

  @Test
  void should_close_the_circuit_when_the_trial_call_succeeds() {
    AtomicBoolean up = new AtomicBoolean(false);
    LanguageModel flaky = request -> {
      if (!up.get()) {
        throw new ModelException(ModelException.Kind.TIMEOUT, "slow");
      }
      return ModelReply.of("back [1]");
    };
    GuardedLanguageModel model = guard(flaky, LIMITS);
    for (int i = 0; i < 3; i++) {
      catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER));
    }

    up.set(true);
    clock.advance(Duration.ofMinutes(1));

    assertThat(model.complete(ANSWER).text()).isEqualTo("back [1]");
    assertThat(model.complete(ANSWER).text()).isEqualTo("back [1]");
  }

  @Test
  void should_not_count_refused_requests_towards_opening_the_circuit() {
    FakeLanguageModel refusing = FakeLanguageModel.failing(new ModelException(ModelException.Kind.REFUSED, "400"));
    GuardedLanguageModel model = guard(refusing, LIMITS);

    for (int i = 0; i < 5; i++) {
      assertThat(catchThrowableOfType(ModelException.class, () -> model.complete(ANSWER)).kind())
          .isEqualTo(ModelException.Kind.REFUSED);
    }
    assertThat(refusing.requests()).hasSize(5);
  }
}
