package org.greendesk.assistant;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a person should take over, by the routing policy's words: the SME asks for one (or accepts the offer of
 * one), the matter is legal or urgent, the SME wants their own case reviewed, the SME is frustrated, or the bot
 * has failed to help twice in a row. Immutable and thread safe.
 */
final class Escalations {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

  private final Phrases advisorRequests;
  private final Phrases acceptances;
  private final Phrases legalOrUrgent;
  private final Phrases ownCase;
  private final Phrases frustration;
  private final Phrases legalCertainty;
  private final Phrases hedges;

  Escalations(RoutingPolicy policy) {
    this.advisorRequests = policy.phrases("advisor_request");
    this.acceptances = policy.phrases("accept_offer");
    this.legalOrUrgent = policy.phrases("legal_or_urgent");
    this.ownCase = policy.phrases("own_case");
    this.frustration = policy.phrases("frustration");
    this.legalCertainty = policy.phrases("legal_certainty");
    this.hedges = policy.phrases("hedges");
  }

  /** Why the SME asked for a person, if they did: asked outright, or said yes to the bot's offer. */
  Optional<String> personRequested(String message, List<Turn> history) {
    if (advisorRequests.foundIn(message)) {
      return Optional.of("the SME asked for a person");
    }
    boolean offered = !history.isEmpty() && last(history).answer().handoff() == Handoff.OFFERED;
    if (offered && acceptances.foundIn(message) && message.split("\\s+").length <= 6) {
      return Optional.of("the SME accepted the offer of an advisor");
    }
    return Optional.empty();
  }

  /** Why the matter itself needs a person, if it does. */
  Optional<String> matterNeedsPerson(String message) {
    if (legalOrUrgent.foundIn(message)) {
      return Optional.of("legal or urgent matter");
    }
    if (ownCase.foundIn(message)) {
      return Optional.of("the SME asks for a review of its own case");
    }
    if (frustration.foundIn(message)) {
      return Optional.of("the SME is frustrated");
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
