package org.greendesk.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Service;
import org.greendesk.config.Settings;
import org.greendesk.delivery.SendException;
import org.greendesk.store.Database;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: runs the web server and every channel whose settings are present until the process is stopped,
 * then finishes the messages in hand, sends what they decided and closes.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the service: the web chat and REST API, the Telegram bot when TELEGRAM_BOT_TOKEN is set, "
        + "the Slack app when SLACK_BOT_TOKEN is set. "
        + "Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Mixin private final Launcher launcher;
  private final Terminal terminal;

  ServeCommand(Launcher launcher, Terminal terminal) {
    this.launcher = launcher;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = launcher.settings();
    // The database is opened and migrated while the knowledge and the models load: a second or so off the start.
    CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> DeskServices.openDatabase(settings));
    try (GreenDesk greenDesk = launcher.open(terminal).orElse(null)) {
      if (greenDesk == null) {
        opening.thenAccept(Database::close);
        return launcher.failure();
      }
      Service service;
      Database database = null;
      try {
        database = opened(opening);
        service = Service.start(settings, greenDesk, database, new DatabaseDesk(), Clock.systemUTC());
      } catch (SendException e) {
        closeQuietly(database);
        terminal.err().println("Cannot start a channel (check its token and API URL settings): "
            + e.getMessage());
        return 1;
      } catch (IllegalStateException e) {
        closeQuietly(database);
        terminal.err().println(e.getMessage());
        return 1;
      }
      // Once the service answers, the languages' dictionaries load aside, rather than for a first question in each.
      CompletableFuture.runAsync(() -> greenDesk.retriever().warm());
      runUntilStopped(service, settings);
      return 0;
    }
  }

  /** The database once open; its failure as {@link DeskServices#openDatabase} throws it. */
  private static Database opened(CompletableFuture<Database> opening) {
    try {
      return opening.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Closing twice is harmless: the service closes its database when it fails after taking it. */
  private static void closeQuietly(@Nullable Database database) {
    if (database != null) {
      database.close();
    }
  }

  private void runUntilStopped(Service service, Settings settings) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    // A stop must close the service before the JVM shuts down: H2's own exit hook closes the database as soon as
    // shutdown begins, under the feet of the messages still in hand. So Ctrl-C and SIGTERM only wake this thread,
    // which stops the service in order and then lets the process end. Where the signals cannot be taken (not
    // POSIX), a shutdown hook does what it can.
    if (!onSignals(stop::countDown, "TERM", "INT")) {
      Runtime.getRuntime().addShutdownHook(new Thread(service::close, "greendesk-stop"));
    }
    terminal.out().println("GreenDesk is serving " + service.describe(settings) + "; web server on http://" + settings.http().host()
        + ":" + service.httpPort() + ". Stop with Ctrl-C.");
    stop.await();
    service.close();
  }

  @SuppressWarnings("restriction")
  private static boolean onSignals(Runnable stop, String... names) {
    try {
      for (String name : names) {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }
}
