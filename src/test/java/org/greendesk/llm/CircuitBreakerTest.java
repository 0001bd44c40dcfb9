package org.greendesk.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofMinutes(1), clock);

  @Test
  void should_keep_the_circuit_open_when_a_trial_ends_without_a_verdict() {
    // given an open circuit whose open period is over, and a trial that never reached the server
    breaker.failed();
    breaker.failed();
    clock.advance(Duration.ofMinutes(2));
    assertThat(breaker.allows()).as("the trial").isTrue();

    // when
    breaker.ignored();

    // then the next caller gets a trial of its own, and nobody else gets through meanwhile
    assertThat(breaker.allows()).isTrue();
    assertThat(breaker.allows()).isFalse();
  }

  @Test
  void should_close_the_circuit_after_a_trial_that_succeeds() {
    breaker.failed();
    breaker.failed();
    assertThat(breaker.allows()).isFalse();
    clock.advance(Duration.ofMinutes(2));
    assertThat(breaker.allows()).isTrue();

    breaker.succeeded();

    assertThat(breaker.allows()).isTrue();
    assertThat(breaker.allows()).isTrue();
  }
}
