package org.greendesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.greendesk.assistant.Turn;
import org.greendesk.config.GreenDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chat}: a conversation in the terminal, with memory of the earlier turns. */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Hold a conversation in the terminal. /new starts a new conversation, /quit leaves.")
final class ChatCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  @Option(names = "--top-k", paramLabel = "N", defaultValue = "3", description = "most sources to list (1-100)")
  int topK;

  ChatCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (topK < 1 || topK > 100) {
      terminal.err().println("--top-k must be between 1 and 100: " + topK);
      return 2;
    }
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      terminal.out().println("GreenDesk: ask about green regulations, funding or events. /new starts over, /quit leaves.");
      List<Turn> history = new ArrayList<>();
      BufferedReader reader = terminal.reader();
      while (true) {
        terminal.out().print("\nyou> ");
        terminal.out().flush();
        String line = reader.readLine();
        if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
          terminal.out().println();
          return 0;
        }
        if (line.strip().equals("/new")) {
          history.clear();
          terminal.out().println("(new conversation)");
        } else if (!line.isBlank()) {
          Turn turn = desk.assistant().reply(line, history, topK);
          history.add(turn);
          terminal.out().println("\ngreendesk> " + Printer.answer(turn.answer()).replace("\n", "\n  "));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
