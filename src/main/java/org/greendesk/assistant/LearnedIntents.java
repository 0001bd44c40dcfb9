package org.greendesk.assistant;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greendesk.search.Embedder;
import org.greendesk.search.IntentIndex;
import org.jspecify.annotations.Nullable;

/**
 * Intents learnt from labelled example messages, with a higher bar for the guesses that cost most when wrong.
 * Thread safe.
 */
public final class LearnedIntents implements Intents {
  /**
   * How likely each label must be. Ordinary questions far outnumber the messages that need a person, and an SME
   * whose question is declined, or handed to a queue, on a wrong guess is worse off than one who is answered and
   * can still ask for a person: so the labels that take the question away from the bot need the most certainty,
   * a review of the SME's own case most of all, since "are we covered?" is usually a question the sources answer.
   * Chosen on the evaluation sets' questions (1,196, in eight languages, ordinary and off-topic) against their
   * routing sets: 2.5% of ordinary questions are routed to a person needlessly at these bars (they still get the
   * answer after the notice).
   */
  private static final Map<String, Double> SURE_ENOUGH = Map.of(ADVISOR_REQUEST, 0.5, FRUSTRATION, 0.5,
      LEGAL_OR_URGENT, 0.6, OWN_CASE, 0.6, OUT_OF_SCOPE, 0.6);
  /** Below its bar but at least this likely, legal trouble or the SME's own case gets an advisor offered. */
  private static final double OFFER_FROM = 0.5;

  private final IntentIndex index;

  /**
   * @param examples by language, then by label, the example messages
   * @param sentences the model that reads the English examples' meaning; {@code null} to go by characters alone
   */
  public LearnedIntents(Map<String, Map<String, List<String>>> examples, @Nullable Embedder sentences) {
    this(examples, sentences, null);
  }

  /** @param kept a file to keep what was learnt in between starts; {@code null} to learn it at each */
  public LearnedIntents(Map<String, Map<String, List<String>>> examples, @Nullable Embedder sentences,
      @Nullable Path kept) {
    this.index = new IntentIndex(examples, sentences, IntentIndex.Settings.defaults(), kept);
  }

  @Override
  public Optional<Guess> classify(String message, String language) {
    return index.classify(message, language)
        .filter(guess -> !guess.label().equals(IntentIndex.QUESTION))
        .flatMap(guess -> {
          boolean sure = guess.probability() >= SURE_ENOUGH.getOrDefault(guess.label(), 0.0);
          boolean matter = guess.label().equals(LEGAL_OR_URGENT) || guess.label().equals(OWN_CASE);
          return sure || matter && guess.probability() >= OFFER_FROM
              ? Optional.of(new Guess(guess.label(), sure)) : Optional.empty();
        });
  }
}
