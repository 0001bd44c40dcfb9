package org.greendesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.greendesk.contract.AskRequest;
import org.greendesk.contract.CheckRequest;
import org.greendesk.contract.Json;
import org.greendesk.profile.CheckResult;
import org.greendesk.profile.Checker;
import org.greendesk.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check}: what applies to an SME, for a person or as JSON, for one profile or a JSON Lines batch. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Which rules apply to an SME, which to check, the funding it may get and events for it. "
        + "'-' reads one profile a line from standard input.")
final class CheckCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;
  private final Clock clock;

  @Option(names = "--json", description = "print JSON; with '-', read and write JSON Lines")
  boolean json;

  @Parameters(paramLabel = "PROFILE", arity = "1",
      description = "the profile as JSON: {\"id\", \"economy\", \"sector\", \"products\", \"exports_to\", "
          + "\"employees\", \"turnover_eur\", \"annual_emissions_tco2e\"}, or '-' for standard input")
  String profile;

  CheckCommand(Launcher launcher, Terminal terminal, Clock clock) {
    this.launcher = launcher;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Checker checker = launcher.knowledge(terminal).map(Checker::new).orElse(null);
    if (checker == null) {
      return launcher.failure();
    }
    LocalDate today = LocalDate.now(clock);
    if (!profile.equals("-")) {
      try {
        CheckResult result = checker.check(CheckRequest.parse(profile), today);
        terminal.out().println(json ? Json.check(result).toString() : Printer.check(result));
        return 0;
      } catch (IllegalArgumentException e) {
        terminal.err().println("Cannot check this profile: " + e.getMessage());
        return 2;
      }
    }
    try {
      return batch(checker, today) == 0 ? 0 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One profile a line; a bad line gets an error object (or message) and the next lines are still checked. */
  private int batch(Checker checker, LocalDate today) throws IOException {
    return BatchRequest.forEachLine(terminal, line -> {
      Profile request = CheckRequest.parse(line);
      if (request.id() == null) {
        throw new IllegalArgumentException("missing \"id\": every profile of a batch needs one");
      }
      CheckResult result = checker.check(request, today);
      terminal.out().println(json ? Json.check(result).toString() : Printer.check(result) + "\n");
    }, (number, line, problem) -> json ? Json.error(number, AskRequest.idOf(line), problem).toString()
        : "Line " + number + ": " + problem + "\n");
  }
}
