package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.greendesk.base.DaemonThreads;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.InboundMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chat}: a conversation in the terminal, through the same desk as every channel: stored, remembered, and
 * handed to an advisor (who answers with {@code greendesk advisor} in another terminal) when it needs a person.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Hold a conversation in the terminal. /advisor asks for a person, /cancel leaves the queue, "
        + "/forget deletes your data, /quit leaves.")
final class ChatCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--as", paramLabel = "NAME", defaultValue = "you", description = "who you are in the conversation")
  String name;

  ChatCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
        DaemonThreads.named("chat-outbox"));
    try (GreenDesk greenDesk = launcher.open(terminal).orElse(null)) {
      if (greenDesk == null) {
        return launcher.failure();
      }
      try (DeskServices services = DeskServices.withDesk(launcher.settings(), greenDesk.assistant(),
          Map.of(TerminalChannel.NAME, new TerminalChannel(terminal.out())), new DatabaseDesk(), Clock.systemUTC())) {
        Desk desk = services.desk();
        desk.resume(List.of(TerminalChannel.NAME));
        // Advisors' replies arrive while the user is idle: deliver them as they come.
        background.scheduleWithFixedDelay(() -> {
          services.sender().drainOnce();
          services.handoffs().flagOverdue(launcher.settings().overdueAfter());
        }, 1, 1, TimeUnit.SECONDS);
        terminal.out().println("GreenDesk: ask about green regulations, funding or events. /helpful or /unhelpful "
            + "rates an answer, /advisor asks for a person, /rate 1-5 rates an advisor's help, /language changes the "
            + "language, /help lists the rest, /forget deletes your data, /quit leaves.");
        converse(desk, services);
        return 0;
      }
    } catch (IllegalStateException e) {
      terminal.err().println(e.getMessage());
      return 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      background.shutdownNow();
    }
  }

  private void converse(Desk desk, DeskServices services) throws IOException {
    BufferedReader reader = terminal.reader();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String text = line.strip();
      if (text.equals("/quit") || text.equals("/exit")) {
        break;
      } else if (text.equals("/forget")) {
        terminal.out().println(desk.forget(TerminalChannel.NAME, name)
            ? "Your messages and personal details have been deleted." : "There was nothing to delete.");
      } else if (text.equals("/helpful") || text.equals("/unhelpful")) {
        terminal.out().println(desk.feedback(TerminalChannel.NAME, name, text.equals("/helpful"))
            ? "Thank you for the feedback." : "There is no answer to rate yet.");
      } else if (text.matches("/rate [1-5]")) {
        if (!desk.rate(TerminalChannel.NAME, name, text.charAt(text.length() - 1) - '0')) {
          terminal.out().println("There is no advisor's help to rate.");
        }
      } else if (!text.isEmpty()) {
        // The desk's own commands (/advisor, /cancel, /language...) are the same as in every channel.
        desk.receive(new InboundMessage(TerminalChannel.NAME, name, name, text, null));
      }
      services.sender().drainOnce();
    }
    services.sender().drainOnce();
  }
}
