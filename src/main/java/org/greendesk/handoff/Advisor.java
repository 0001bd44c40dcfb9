package org.greendesk.handoff;

import java.util.List;
import java.util.Objects;

/**
 * A person who takes escalated conversations.
 *
 * @param userId the advisor's Slack user id (or, in the terminal console, the name they work under)
 * @param topics intents they take (regulation, funding...); empty takes any
 * @param economies economies they know; empty knows any
 */
public record Advisor(long id, String userId, String name, List<String> topics, List<String> economies,
    boolean active) {

  public Advisor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    topics = List.copyOf(topics);
    economies = List.copyOf(economies);
  }
}
