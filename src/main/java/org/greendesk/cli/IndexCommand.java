package org.greendesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.greendesk.config.GreenDesk;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code index}: validates the knowledge, brings the index up to date and says what changed. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Build or refresh the index from the knowledge folder and report what changed.")
final class IndexCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private static final int REVIEW_NOTICE_DAYS = 30;
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
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
