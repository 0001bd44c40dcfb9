package org.greendesk.delivery;

/**
 * Where advisors see escalations (a Slack channel, or the database itself for the terminal console).
 * Implementations are thread safe.
 */
public interface AdvisorDesk {

  /** Announces, updates or relays to the escalation's place on the desk; returns once delivered. */
  void deliver(DeskMessage message) throws SendException;
}
