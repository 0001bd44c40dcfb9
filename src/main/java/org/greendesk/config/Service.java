package org.greendesk.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.greendesk.api.ApiRoutes;
import org.greendesk.base.DaemonThreads;
import org.greendesk.channel.ChannelModule;
import org.greendesk.channel.slack.SlackApp;
import org.greendesk.channel.web.ChatStrings;
import org.greendesk.channel.web.HandoffStatus;
import org.greendesk.channel.web.WebChannel;
import org.greendesk.channel.web.WebChat;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.delivery.AdvisorDesk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.Mailbox;
import org.greendesk.delivery.SendException;
import org.greendesk.follow.ReminderSchedule;
import org.greendesk.follow.TellingReload;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.store.Database;
import org.greendesk.web.OpsRoutes;
import org.greendesk.web.RateLimiter;
import org.greendesk.web.WebRoutes;
import org.greendesk.web.WebServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service, wired from the settings: the web server, every channel whose settings are present, the
 * outbox sender and the overdue watch. {@link #close} stops taking messages first, lets the ones in hand finish,
 * sends what they decided, and closes the database last.
 */
public final class Service implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  /** How often the sender looks for retries that have come due when nothing new rings. */
  private static final Duration OUTBOX_POLL = Duration.ofMillis(500);
  /** How often the reminders due are looked for: a day's reminders need not come at the minute. */
  private static final Duration REMINDERS_EVERY = Duration.ofHours(1);

  private final DeskServices services;
  private final ChatLanes lanes;
  private final @Nullable SlackApp slack;
  private final List<ChannelModule.Running> modules;
  private final WebServer web;
  private final ScheduledExecutorService watch;
  private final ReminderSchedule reminders;

  private Service(DeskServices services, ChatLanes lanes, @Nullable SlackApp slack,
      List<ChannelModule.Running> modules, WebServer web, ScheduledExecutorService watch, ReminderSchedule reminders) {
    this.reminders = reminders;
    this.services = services;
    this.lanes = lanes;
    this.slack = slack;
    this.modules = modules;
    this.web = web;
    this.watch = watch;
  }

  /**
   * Starts everything the settings ask for.
   *
   * @param advisorDesk where escalations go (the console's database desk until Slack is configured)
   * @throws SendException when a channel module refuses its credentials or cannot be reached at start
   * @throws IllegalStateException naming the setting when the database or the HTTP address cannot be opened
   */
  public static Service start(Settings settings, GreenDesk greenDesk, AdvisorDesk advisorDesk, Clock clock)
      throws SendException {
    return start(settings, greenDesk, DeskServices.openDatabase(settings), advisorDesk, clock);
  }

  /** As above, on a database already opened ({@link DeskServices#openDatabase}), which it then owns. */
  public static Service start(Settings settings, GreenDesk greenDesk, Database database, AdvisorDesk advisorDesk,
      Clock clock) throws SendException {
    ChatLanes lanes = new ChatLanes(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), "greendesk-chat");
    Map<String, CustomerChannel> channels = new HashMap<>(Map.of(WebChannel.NAME, new WebChannel()));
    ChannelModule.Context context = new ChannelModule.Context(greenDesk.messages(), lanes, clock);
    List<ChannelModule.Running> modules = settings.channels().stream().map(module -> module.open(context)).toList();
    modules.forEach(module -> module.channel().ifPresent(channel -> channels.put(channel.name(), channel)));
    SlackSetup slackSetup = SlackSetup.channel(settings, channels);
    // The Slack desk needs the services it is part of: it is put in place before anything is sent.
    AtomicReference<AdvisorDesk> desk = new AtomicReference<>(advisorDesk);
    DeskServices services = DeskServices.withDesk(settings, database, greenDesk::assistant, channels,
        message -> desk.get().deliver(message), clock, greenDesk.metrics());
    WebServer web = null;
    SlackApp slack = null;
    // Whichever way staff reload, the followers of what changed are told.
    KnowledgeReload reload = new TellingReload(greenDesk::reload, greenDesk::knowledge, services.follows().notices());
    try {
      resume(services, channels.keySet());
      RateLimiter limiter = new RateLimiter(settings.api().requestsPerMinute(), System::nanoTime,
          settings.api().clientIpHeader());
      List<WebRoutes> routes = new ArrayList<>(List.of(opsRoutes(greenDesk, services),
          new WebChat(services.desk(), new Mailbox(services.database().jdbc()), lanes, limiter,
              new HandoffStatus(services.conversations(), services.escalations()),
              new ChatStrings(greenDesk.messages())),
          new ApiRoutes(greenDesk::assistant, greenDesk::knowledge, reload, services.conversations(),
              services.escalations(), settings.api().staffToken(), limiter, clock)));
      for (ChannelModule.Running module : modules) {
        module.connect(services.desk()).ifPresent(routes::add);
      }
      if (slackSetup != null) {
        slack = slackSetup.start(services, greenDesk, reload, lanes, clock, desk, routes);
      }
      web = WebServer.start(settings.http().host(), settings.http().port(), routes, settings.api().clientIpHeader(),
          greenDesk.metrics());
      for (ChannelModule.Running module : modules) {
        module.start();
      }
      services.sender().start(OUTBOX_POLL);
      ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
          DaemonThreads.named("greendesk-watch"));
      // A task that throws is never run again: each round catches what it meets and tries again the next minute.
      watch.scheduleWithFixedDelay(() -> {
        try {
          services.handoffs().flagOverdue(settings.overdueAfter());
          resume(services, channels.keySet());
        } catch (RuntimeException e) {
          LOG.warn("overdue and left-behind messages not checked this minute: {}", e.toString());
        }
      }, 1, 1, TimeUnit.MINUTES);
      ReminderSchedule reminders = ReminderSchedule.start(services.follows().reminders(), Duration.ofMinutes(1),
          REMINDERS_EVERY);
      return new Service(services, lanes, slack, modules, web, watch, reminders);
    } catch (SendException | RuntimeException e) {
      closeQuietly(modules, slack, web, lanes, services);
      throw e;
    }
  }

  /** Ready when the database answers a query and the index can be searched. */
  /** Handles the messages of our channels that an instance, this one before a restart or another, left behind. */
  private static void resume(DeskServices services, Collection<String> channels) {
    int resumed = services.desk().resume(channels);
    if (resumed > 0) {
      LOG.info("handled {} messages left behind by a stopped instance", resumed);
    }
  }

  private static OpsRoutes opsRoutes(GreenDesk greenDesk, DeskServices services) {
    Map<String, OpsRoutes.Check> checks = new LinkedHashMap<>();
    checks.put("database", () -> services.database().jdbc().queryOne("SELECT 1", row -> row.getInt(1))
        .map(one -> "answers").orElseThrow());
    checks.put("index", () -> {
      int passages = greenDesk.indexedPassages();
      if (passages == 0) {
        throw new IllegalStateException("the index is empty");
      }
      return passages + " passages";
    });
    return new OpsRoutes(checks, greenDesk.metrics()::scrape);
  }

  public int httpPort() {
    return web.port();
  }

  public DeskServices services() {
    return services;
  }

  /** The channels running, for the start-up line. */
  public String describe(Settings settings) {
    List<String> parts = new ArrayList<>(List.of("the web chat and REST API"));
    modules.forEach(module -> parts.add(module.describe()));
    if (settings.slack().enabled()) {
      parts.add("Slack (" + (settings.slack().appToken() == null ? "POST /slack/events" : "Socket Mode")
          + (settings.slack().advisorChannel() == null ? "" : ", advisor desk") + ")");
    }
    return String.join(", ", parts);
  }

  @Override
  public void close() {
    watch.shutdownNow();
    reminders.close();
    closeQuietly(modules, slack, web, lanes, services);
  }

  /** Stops the channel modules, last started first, then the other parts in the order given. */
  private static void closeQuietly(List<ChannelModule.Running> modules, @Nullable AutoCloseable... parts) {
    List<AutoCloseable> all = new ArrayList<>(modules);
    Collections.reverse(all);
    all.addAll(Arrays.asList(parts));
    for (AutoCloseable part : all) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        LOG.warn("while stopping: {}", e.toString());
      }
    }
  }
}
