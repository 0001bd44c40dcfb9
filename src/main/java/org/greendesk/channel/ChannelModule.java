package org.greendesk.channel;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.conversation.Desk;
import org.greendesk.delivery.CustomerChannel;
import org.greendesk.delivery.SendException;
import org.greendesk.messages.Messages;
import org.greendesk.web.WebRoutes;

/**
 * A channel the service runs when its settings are present, added by one registration and touching nothing else:
 * it reads and checks its own settings, and is started in the steps the service goes through.
 *
 * <ol>
 *   <li>{@link #configure}: when the settings are read at start (no connection yet), so that a wrong value stops
 *       the service before anything runs;</li>
 *   <li>{@link Configured#open}: its clients are made and its {@link Running#channel() channel} handed to the
 *       outbox, before the desk exists;</li>
 *   <li>{@link Running#connect}: the desk is ready; the routes it returns are served;</li>
 *   <li>{@link Running#start}: the web server listens (a platform may now be told where to post);</li>
 *   <li>{@link Running#close}: in reverse order of the above, once the service stops taking messages.</li>
 * </ol>
 */
public interface ChannelModule {

  /** Every setting the module reads, configured or not; the deployment examples list them. */
  Set<String> settingNames();

  /**
   * Reads the module's settings from the values the service's settings come from.
   *
   * @return empty when the channel is not configured (its token unset)
   * @throws IllegalArgumentException naming the setting whose value is wrong or missing
   */
  Optional<Configured> configure(Map<String, String> values);

  /** What a running channel may use of the service, besides the desk. */
  record Context(Messages messages, ChatLanes lanes, Clock clock) {}

  /** A channel's checked settings; its {@code toString} shows no secret. */
  interface Configured {
    /** Makes the channel's clients; connects to nothing yet. */
    Running open(Context context);
  }

  /** A channel whose clients exist. Thread safe once connected. */
  interface Running extends AutoCloseable {
    /** Where the outbox sends this channel's messages; empty for a channel that only receives. */
    Optional<CustomerChannel> channel();

    /**
     * Hands the channel the desk its messages go to.
     *
     * @return the routes it serves on the service's web server, if any
     * @throws SendException when the platform refuses the channel's credentials or cannot be reached
     */
    Optional<WebRoutes> connect(Desk desk) throws SendException;

    /** Called once the web server listens. */
    default void start() throws SendException {}

    /** How it runs, for the start-up line: {@code LINE (POST /line/webhook)}. */
    String describe();

    /** Stops taking messages and releases the clients; never throws. */
    @Override
    void close();
  }
}
