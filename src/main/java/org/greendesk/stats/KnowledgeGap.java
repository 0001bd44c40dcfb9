package org.greendesk.stats;

import java.time.Instant;
import java.util.List;

/**
 * Questions the bot could not answer well, grouped as one.
 *
 * @param question the group's most frequent wording (the latest among equals)
 * @param count how many times it was asked
 * @param wordings the different wordings, most recent first
 */
public record KnowledgeGap(String question, int count, List<String> wordings, Instant lastAsked) {

  public KnowledgeGap {
    wordings = List.copyOf(wordings);
  }
}
