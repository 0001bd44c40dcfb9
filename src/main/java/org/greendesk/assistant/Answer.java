package org.greendesk.assistant;

import java.util.List;
import java.util.Objects;

/**
 * The assistant's reply to one message.
 *
 * @param text what the user is shown, without the list of sources
 * @param sources best first, one per document, at most the requested number; empty for small talk and for
 *     questions outside the knowledge base
 * @param confidence in 0..1: how sure the assistant is that the text answers the question
 * @param reason why it routed as it did, for people reading logs and for advisors
 */
public record Answer(
    String question, String text, List<Source> sources, double confidence, Intent intent, Handoff handoff,
    String reason) {

  public Answer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(text, "text");
    sources = List.copyOf(sources);
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in 0..1: " + confidence);
    }
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(handoff, "handoff");
    Objects.requireNonNull(reason, "reason");
  }
}
