package org.greendesk.assistant;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a person should take over, by the routing policy's words, besides what {@link Intents} recognises: the SME
 * accepts the offer of one, a model-written answer claims to settle the SME's standing in law, or the bot has failed
 * to help twice in a row. Immutable and thread safe.
 */
final class Escalations {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

  private final Phrases acceptances;
  private final Phrases legalCertainty;
  private final Phrases hedges;

  Escalations(RoutingPolicy policy) {
    this.acceptances = policy.phrases("accept_offer");
    this.legalCertainty = policy.phrases("legal_certainty");
    this.hedges = policy.phrases("hedges");
  }

  /** Why the SME asked for a person, if they said yes to the bot's offer of one. */
  Optional<String> offerAccepted(String message, List<Turn> history) {
    boolean offered = !history.isEmpty() && last(history).answer().handoff() == Handoff.OFFERED;
    if (offered && acceptances.foundIn(message) && message.split("\\s+").length <= 6) {
      return Optional.of("the SME accepted the offer of an advisor");
    }
    return Optional.empty();
  }

  /**
   * True when a sentence of a model-written answer tells the SME, without a condition or a hedge, where they stand
   * in law ("you are exempt", "your company is compliant"): that is for an advisor to say.
   */
  boolean claimsCertainty(String answer) {
    return SENTENCE_END.splitAsStream(answer).anyMatch(s -> legalCertainty.foundIn(s) && !hedges.foundIn(s));
  }

  /** True when the previous answer failed too (nothing found, or only a weak match), so this is the second. */
  static boolean failedTwice(List<Turn> history) {
    return !history.isEmpty() && failed(last(history).answer());
  }

  static boolean failed(Answer answer) {
    return answer.handoff() == Handoff.OFFERED;
  }

  private static Turn last(List<Turn> history) {
    return history.get(history.size() - 1);
  }
}
