package org.greendesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimiter limiter = new RateLimiter(60, now::get, null);

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  @Test
  void should_allow_a_burst_of_the_budget_then_say_how_long_to_wait() {
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.take("10.0.0.1")).isEmpty();
    }

    assertThat(limiter.take("10.0.0.1")).hasValueSatisfying(wait ->
        assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1)));
  }

  @Test
  void should_give_requests_back_at_the_budget_rate() {
    for (int i = 0; i < 60; i++) {
      limiter.take("10.0.0.1");
    }

    advance(Duration.ofSeconds(2));

    assertThat(limiter.take("10.0.0.1")).isEmpty();
    assertThat(limiter.take("10.0.0.1")).isEmpty();
    assertThat(limiter.take("10.0.0.1")).isPresent();
  }

  @Test
  void should_keep_one_budget_per_client() {
    for (int i = 0; i < 60; i++) {
      limiter.take("10.0.0.1");
    }

    assertThat(limiter.take("10.0.0.1")).isPresent();
    assertThat(limiter.take("10.0.0.2")).isEmpty();
  }

  @Test
  void should_never_hold_more_than_the_budget_after_a_long_idle_time() {
    advance(Duration.ofHours(5));

    for (int i = 0; i < 60; i++) {
      assertThat(limiter.take("10.0.0.1")).isEmpty();
    }
    assertThat(limiter.take("10.0.0.1")).isPresent();
  }

  @Test
  void should_refuse_a_budget_below_one() {
    assertThatThrownBy(() -> new RateLimiter(0, now::get, null)).hasMessageContaining("perMinute");
  }
}
