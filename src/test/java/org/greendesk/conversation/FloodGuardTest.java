package org.greendesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.greendesk.conversation.FloodGuard.Verdict;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final FloodGuard guard = new FloodGuard(3, Duration.ofMinutes(1), clock);

  @Test
  void should_warn_once_then_drop_until_the_window_has_room() {
    assertThat(guard.check("a")).isEqualTo(Verdict.ALLOW);
    assertThat(guard.check("a")).isEqualTo(Verdict.ALLOW);
    assertThat(guard.check("a")).isEqualTo(Verdict.ALLOW);
    assertThat(guard.check("a")).isEqualTo(Verdict.SLOW_DOWN);
    assertThat(guard.check("a")).isEqualTo(Verdict.DROP);

    clock.advance(Duration.ofSeconds(61));

    assertThat(guard.check("a")).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void should_count_each_chat_on_its_own() {
    for (int i = 0; i < 3; i++) {
      guard.check("busy");
    }

    assertThat(guard.check("busy")).isEqualTo(Verdict.SLOW_DOWN);
    assertThat(guard.check("quiet")).isEqualTo(Verdict.ALLOW);
  }
}
