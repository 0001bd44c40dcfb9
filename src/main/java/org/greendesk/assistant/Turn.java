package org.greendesk.assistant;

import java.util.Objects;
import java.util.Set;

/**
 * One earlier exchange of a conversation, as much of it as the next question needs to be understood.
 *
 * @param query the standalone question that was searched for (the question itself, or rewritten with context)
 * @param economies the economies the turn was about
 */
public record Turn(String query, Answer answer, Set<String> economies) {

  public Turn {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(answer, "answer");
    economies = Set.copyOf(economies);
  }
}
