package org.greendesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.greendesk.config.GreenDesk;
import org.greendesk.search.IndexChanges;
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
      terminal.out().println(report(desk.knowledge().documents().size(), desk.changes()));
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String report(int documents, IndexChanges changes) {
    if (changes.nothingChanged()) {
      return String.format(Locale.ROOT, "Index up to date: %d documents, %d passages; nothing changed.",
          documents, changes.passages());
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s in %.1f s: %d documents, %d passages.",
        changes.rebuilt() ? "Index built" : "Index refreshed", changes.took().toMillis() / 1000.0, documents,
        changes.passages()));
    if (!changes.rebuilt()) {
      line(text, "added", changes.added());
    }
    line(text, "changed", changes.changed());
    line(text, "removed", changes.removed());
    text.append(String.format(Locale.ROOT, "%n  unchanged: %d", changes.unchanged()));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, List<String> ids) {
    if (!ids.isEmpty()) {
      text.append(String.format(Locale.ROOT, "%n  %s (%d): %s", label, ids.size(), String.join(", ", ids)));
    }
  }
}
