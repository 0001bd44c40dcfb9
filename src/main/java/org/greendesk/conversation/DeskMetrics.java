package org.greendesk.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.greendesk.assistant.Answer;

/**
 * What the desk does, as Micrometer meters for the service to export (Prometheus at {@code /metrics}). Histograms
 * have a few fixed buckets, so that instances can be summed and a scrape stays small. Thread safe.
 *
 * <ul>
 *   <li>{@value #MESSAGES_IN}: messages received, tagged {@code channel} and {@code duplicate} (a redelivery);
 *   <li>{@value #ANSWER_LATENCY}: time to compose an answer (search, composer, model), tagged {@code channel};
 *   <li>{@value #CONFIDENCE}: each answer's confidence, tagged {@code channel};
 *   <li>{@value #ANSWERS}: answers, tagged {@code intent} and {@code handoff};
 *   <li>{@value #ESCALATIONS_REFUSED}: escalations not opened because the conversation or its client address had
 *       opened too many (see {@code EscalationLimits}).
 * </ul>
 */
public final class DeskMetrics {
  public static final String MESSAGES_IN = "greendesk.messages.in";
  public static final String ANSWER_LATENCY = "greendesk.answer.latency";
  public static final String CONFIDENCE = "greendesk.answer.confidence";
  public static final String ANSWERS = "greendesk.answers";
  public static final String ESCALATIONS_REFUSED = "greendesk.escalations.refused";

  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
  /** Tenths, plus the routing policy's two thresholds (an offer of an advisor below 0.60, nothing below 0.35). */
  private static final double[] CONFIDENCE_BUCKETS = {0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private final MeterRegistry registry;

  DeskMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void received(String channel, boolean isNew) {
    Counter.builder(MESSAGES_IN).description("messages received from SMEs").tag("channel", channel)
        .tag("duplicate", String.valueOf(!isNew)).register(registry).increment();
  }

  void answered(String channel, Duration latency, Answer answer) {
    Timer.builder(ANSWER_LATENCY).description("time to compose an answer").tag("channel", channel)
        .serviceLevelObjectives(LATENCY_BUCKETS).register(registry).record(latency);
    DistributionSummary.builder(CONFIDENCE).description("confidence of the answers").tag("channel", channel)
        .serviceLevelObjectives(CONFIDENCE_BUCKETS).register(registry).record(answer.confidence());
    Counter.builder(ANSWERS).description("answers by intent and handoff").tag("intent", answer.intent().wire())
        .tag("handoff", answer.handoff().wire()).register(registry).increment();
  }

  void escalationRefused() {
    Counter.builder(ESCALATIONS_REFUSED).description("escalations refused over the limits").register(registry)
        .increment();
  }
}
