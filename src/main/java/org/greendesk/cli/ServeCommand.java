package org.greendesk.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.greendesk.channel.telegram.TelegramBot;
import org.greendesk.config.DeskServices;
import org.greendesk.config.GreenDesk;
import org.greendesk.config.Settings;
import org.greendesk.delivery.SendException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code serve}: runs every channel whose settings are present until the process is stopped, then drains the
 * outbox once more and closes. For now that is the Telegram bot (long polling); the web chat and Slack follow.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the service: the Telegram bot when TELEGRAM_BOT_TOKEN is set. Stop with Ctrl-C.")
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
    if (!settings.telegram().enabled()) {
      terminal.err().println("Nothing to serve yet: set TELEGRAM_BOT_TOKEN to run the Telegram bot. "
          + "(The web chat on 127.0.0.1:8080 and Slack come in later versions; meanwhile try 'chat'.)");
      return 2;
    }
    try (GreenDesk greenDesk = launcher.open(terminal).orElse(null)) {
      if (greenDesk == null) {
        return launcher.failure();
      }
      TelegramBot bot = new TelegramBot(settings.telegram().token(), settings.telegram().apiUrl());
      try (DeskServices services = DeskServices.withDesk(settings, greenDesk.assistant(),
          Map.of(bot.channel().name(), bot.channel()), new DatabaseDesk(), Clock.systemUTC()); bot) {
        services.desk().resume();
        bot.start(services.desk());
        run(services, settings);
        return 0;
      } catch (SendException e) {
        terminal.err().println("Cannot start the Telegram bot (TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL): " + e.getMessage());
        return 1;
      } catch (IllegalStateException e) {
        terminal.err().println(e.getMessage());
        return 1;
      }
    }
  }

  /** Sends from the outbox and watches the queue until the process is asked to stop. */
  private void run(DeskServices services, Settings settings) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch drained = new CountDownLatch(1);
    // The hook waits for the last drain, so that what was decided before the stop still goes out.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        drained.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "greendesk-stop"));
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    background.scheduleWithFixedDelay(() -> services.sender().drainOnce(), 200, 200, TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(() -> services.handoffs().flagOverdue(settings.overdueAfter()), 1, 1,
        TimeUnit.MINUTES);
    terminal.out().println("GreenDesk is serving Telegram. Stop with Ctrl-C.");
    stop.await();
    background.shutdown();
    background.awaitTermination(10, TimeUnit.SECONDS);
    services.sender().drainOnce();
    drained.countDown();
  }
}
