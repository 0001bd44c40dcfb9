package org.greendesk.channel.web;

import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.Mailbox;
import org.greendesk.delivery.OutgoingMessage;

/**
 * The web chat as a customer channel. The browser asks for its messages ({@code GET /chat/messages?after=N})
 * rather than being pushed to, so there is nothing to transmit: the outbox row is the message, and the sender
 * marking it sent makes it readable through the {@link Mailbox}. That keeps every guarantee of the outbox (written
 * with the decision, kept across a restart, in order, a bot answer dropped when an advisor has taken over) and
 * shows each message exactly once, since the page reads on after the last id it has shown; a copy into a table of
 * the channel's own could be made twice by a crash between the copy and the mark.
 */
public final class WebChannel implements CustomerChannel {
  public static final String NAME = "web";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(String chatId, OutgoingMessage message) {
    // Delivered by being marked sent: the page reads it from the mailbox.
  }
}
