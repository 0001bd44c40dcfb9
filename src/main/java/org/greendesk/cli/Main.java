package org.greendesk.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.greendesk.config.Logs;
import org.greendesk.config.Settings;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code greendesk} command and its subcommands. */
@Command(name = "greendesk", mixinStandardHelpOptions = true, version = "GreenDesk 0.1.0",
    description = "Eco-innovation help desk for SMEs: answers from a knowledge base, with sources.",
    subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
  private final CommandLine commandLine;

  private Main(Settings settings, Terminal terminal) {
    this.commandLine = new CommandLine(this);
    commandLine.addSubcommand("serve", new ServeCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("ask", new AskCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("search", new SearchCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("chat", new ChatCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("index", new IndexCommand(new Launcher(settings), terminal, Clock.systemDefaultZone()));
    commandLine.addSubcommand("eval", new EvalCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("check", new CheckCommand(new Launcher(settings), terminal, Clock.systemDefaultZone()));
    commandLine.addSubcommand("bench", new BenchCommand(new Launcher(settings), terminal));
    commandLine.addSubcommand("advisor", new AdvisorCommand(settings, terminal));
    commandLine.setOut(new PrintWriter(terminal.out(), true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(terminal.err(), true, StandardCharsets.UTF_8));
  }

  public static void main(String[] args) {
    // SLF4J reports, on every start, that it replayed one call made while logging started: harmless noise on
    // the user's terminal. Its own errors still show.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    LoggerFactory.getLogger(Main.class);
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("Invalid setting: " + e.getMessage());
      System.exit(2);
      return;
    }
    Logs.apply(settings.logging());
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(settings, new Terminal(System.in, out, err), args));
  }

  /** Runs one command line; returns the exit code. */
  static int run(Settings settings, Terminal terminal, String... args) {
    return new Main(settings, terminal).commandLine.execute(args);
  }

  @Override
  public void run() {
    commandLine.usage(commandLine.getOut());
  }
}
