package org.greendesk.cli;

import java.io.PrintStream;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.OutgoingMessage;

/** The terminal as a customer channel: the chat's messages are printed as they are delivered. */
final class TerminalChannel implements CustomerChannel {
  static final String NAME = "terminal";
  private final PrintStream out;

  TerminalChannel(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(String chatId, OutgoingMessage message) {
    StringBuilder text = new StringBuilder("\ngreendesk> ").append(message.text().replace("\n", "\n  "));
    if (!message.links().isEmpty()) {
      text.append("\n  Sources:");
      message.links().forEach(link -> text.append("\n    ").append(link.title()).append(" - ").append(link.url()));
    }
    if (message.actions().contains("advisor")) {
      text.append("\n  [/advisor: talk to a person]");
    }
    if (message.actions().contains("rate")) {
      text.append("\n  [/rate 1-5: rate the help]");
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}
