package org.greendesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.greendesk.config.GreenDesk;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code index}: validates the knowledge, brings the index up to date and says what changed, what should be
 * mended and which documents are due for a check; with {@code --check-links}, whether every source still answers.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build or refresh the index from the knowledge folder and report what changed.")
final class IndexCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private static final int REVIEW_NOTICE_DAYS = 30;
  /** Long enough for a slow official site, short enough that a few hundred links take a minute or two. */
  private static final Duration LINK_TIMEOUT = Duration.ofSeconds(10);
  /** Requests in flight at once: polite to the sites, most of which are government servers. */
  private static final int LINK_CONCURRENCY = 4;

  @Option(names = "--check-links", description = "also check that every source URL answers (HTTP HEAD, else GET); "
      + "exit code 1 when one is broken; offline, says so and exits 0")
  boolean checkLinks;
  private final Terminal terminal;
  private final Clock clock;

  IndexCommand(Launcher launcher, Terminal terminal, Clock clock) {
    this.launcher = launcher;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** The documents whose facts are overdue for a check, and those due within a month. */
  private void reportReviews(KnowledgeBase knowledge, LocalDate today) {
    List<KnowledgeDocument> due = knowledge.dueForReview(today.plusDays(REVIEW_NOTICE_DAYS));
    long overdue = due.stream().filter(d -> d.review().overdue(today)).count();
    terminal.out().printf(Locale.ROOT, "Review: %d document(s) overdue, %d due within %d days%n", overdue,
        due.size() - overdue, REVIEW_NOTICE_DAYS);
    due.forEach(d -> terminal.out().printf(Locale.ROOT, "  %s: %s %s (last checked %s)%n", d.id(),
        d.review().overdue(today) ? "overdue since" : "due", d.review().due().orElseThrow(),
        d.reviewed() == null ? "never" : d.reviewed()));
  }

  @Override
  public Integer call() {
    try (GreenDesk desk = launcher.open(terminal).orElse(null)) {
      if (desk == null) {
        return launcher.failure();
      }
      terminal.out().println(desk.changes().report());
      KnowledgeBase knowledge = desk.knowledge();
      knowledge.warnings().forEach(w -> terminal.out().println("  warning: " + w));
      reportReviews(knowledge, LocalDate.now(clock));
      return checkLinks ? new LinkCheck(LINK_TIMEOUT, LINK_CONCURRENCY).run(knowledge.sourceLinks(),
          launcher.settings().knowledgeDir(), terminal.out()) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
