package org.greendesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.greendesk.config.GreenDesk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code index}: validates the knowledge, brings the index up to date and says what changed. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build or refresh the index from the knowledge folder and report what changed.")
final class IndexCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  IndexCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      terminal.out().println(desk.changes().report());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
