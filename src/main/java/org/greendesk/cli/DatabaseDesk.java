package org.greendesk.cli;

import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.DeskMessage;

/**
 * The advisor desk when no Slack is configured: the escalations, briefs and relayed messages are already in the
 * database, where {@code greendesk advisor} reads them, so delivering is only acknowledging.
 */
final class DatabaseDesk implements AdvisorDesk {
  @Override
  public void deliver(DeskMessage message) {
    // Nothing to push: the console reads the database.
  }
}
