package org.greendesk.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code threshold} failures in a row the circuit opens and calls
 * are refused at once for {@code openFor}; then one trial call is let through, and its outcome closes the circuit
 * again or keeps it open for another period. So a model server that is down costs the SMEs no waiting. Thread
 * safe.
 */
final class CircuitBreaker {
  enum State { CLOSED, OPEN, TRIAL }

  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private State state = State.CLOSED;
  private int failures;
  private Instant openUntil = Instant.MIN;

  CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
    }
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Whether a call may go ahead now; when the open period is over, the first caller gets the trial. */
  synchronized boolean allows() {
    if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
      state = State.TRIAL;
      return true;
    }
    return state == State.CLOSED;
  }

  synchronized void succeeded() {
    state = State.CLOSED;
    failures = 0;
  }

  /** Records a failure; returns true when it opened the circuit. */
  synchronized boolean failed() {
    failures++;
    if (state == State.TRIAL || (state == State.CLOSED && failures >= threshold)) {
      state = State.OPEN;
      openUntil = clock.instant().plus(openFor);
      return true;
    }
    return false;
  }

  /**
   * A call that ended neither way (refused before it reached the server, or refused by the server itself): a trial
   * is over without a verdict, so the circuit stays open and the next caller gets the trial.
   */
  synchronized void ignored() {
    if (state == State.TRIAL) {
      state = State.OPEN; // openUntil has passed: the next allows() starts another trial
    }
  }
}
