package org.greendesk.assistant;

import org.greendesk.base.WireName;

/**
 * A language model call that produced no answer. The assistant never shows it to the SME: it answers
 * extractively instead.
 */
public final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why there is no answer; {@link #countsAsFailure()} says which kinds tell that the server is unwell. */
  public enum Kind implements WireName {
    /** The model did not answer in time. */
    TIMEOUT,
    /** The server failed (5xx, rate limit, connection refused, unreadable response). */
    FAILED,
    /** The server refused this request (bad request, authentication, unknown model, content filter). */
    REFUSED,
    /** Too many calls were already in flight; this one was not made. */
    BUSY,
    /** The circuit breaker is open after repeated failures; this call was not made. */
    CIRCUIT_OPEN;

    /** True for the kinds that count towards opening the circuit breaker. */
    public boolean countsAsFailure() {
      return this == TIMEOUT || this == FAILED;
    }
  }

  private final Kind kind;

  public ModelException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ModelException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
