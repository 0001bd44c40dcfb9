package org.greendesk.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.Retriever;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.greendesk.search.SearchResult;

/**
 * Answers one message of a conversation: small talk and requests for a person by the routing policy, "what
 * events are coming up" from the calendar, other questions from the knowledge base with their sources, a confidence, and whether to bring in an advisor. Thread safe;
 * the conversation's earlier turns are passed in, not kept.
 */
public final class Assistant {
  private static final double RELATED_SIMILARITY = 0.05;

  private final Retriever retriever;
  private final RoutingPolicy policy;
  private final Confidence confidence;
  private final ExtractiveComposer composer;
  private final FollowUps followUps;
  private final Phrases greetings;
  private final Phrases thanks;
  private final Escalations escalations;
  private final Phrases outOfScope;
  private final Phrases overrides;
  private final Phrases eventQuestions;
  private final EventListing events;
  private final DocumentNames names;

  public Assistant(Retriever retriever, RoutingPolicy policy, Confidence confidence, ExtractiveComposer composer,
      Clock clock) {
    this.retriever = retriever;
    this.policy = policy;
    this.confidence = confidence;
    this.composer = composer;
    this.followUps = new FollowUps(policy.phrases("follow_up"), retriever.knowledgeBase().economies());
    List<String> smalltalk = new ArrayList<>(policy.phrases().get("greeting"));
    smalltalk.addAll(policy.phrases().get("thanks"));
    smalltalk.addAll(policy.phrases().get("filler"));
    this.greetings = new Phrases(smalltalk);
    this.thanks = policy.phrases("thanks");
    this.escalations = new Escalations(policy);
    this.outOfScope = policy.phrases("out_of_scope");
    this.overrides = policy.phrases("instruction_override");
    this.eventQuestions = policy.phrases("events_upcoming");
    List<String> generic = new ArrayList<>(policy.phrases().get("events_upcoming"));
    generic.addAll(policy.phrases().get("events_generic"));
    this.names = new DocumentNames(retriever.knowledgeBase().documents());
    this.events = new EventListing(retriever.knowledgeBase(), retriever::analyse, generic, clock);
  }

  /**
   * Answers a question.
   *
   * @param history the conversation's earlier turns, oldest first; empty for a first question
   * @param topK the most sources to list, 1 to 100
   * @return the turn to append to the history
   * @throws IllegalArgumentException for a blank question
   */
  public Turn reply(String question, List<Turn> history, int topK) {
    String q = question.strip();
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the question is empty");
    }
    if (q.length() > policy.maxQuestionChars()) {
      return plain(q, Intent.OUT_OF_SCOPE, Handoff.NONE, "message of " + q.length() + " characters is too long",
          policy.reply("too_long").replace("{max}", String.valueOf(policy.maxQuestionChars())));
    }
    if (overrides.foundIn(q)) {
      return plain(q, Intent.OUT_OF_SCOPE, Handoff.NONE, "attempt to change the assistant's instructions",
          policy.reply("instruction_override"));
    }
    if (greetings.removeFrom(q).replaceAll("[^\\p{L}\\p{N}]+", "").isEmpty()) {
      boolean thanks = this.thanks.foundIn(q);
      return plain(q, Intent.SMALLTALK, Handoff.NONE, thanks ? "thanks" : "greeting",
          policy.reply(thanks ? "thanks" : "greeting"));
    }
    Optional<String> asked = escalations.personRequested(q, history);
    if (asked.isPresent()) {
      return plain(q, Intent.ADVISOR_REQUEST, Handoff.CREATED, asked.get(), policy.reply("advisor_request"));
    }
    if (eventQuestions.foundIn(q)) {
      return new Turn(q, events.answer(q, topK), retriever.knowledgeBase().economies().find(q));
    }
    Turn turn = answerFromKnowledge(q, history, topK);
    Optional<String> matter = escalations.matterNeedsPerson(q);
    if (matter.isPresent()) {
      return escalated(turn, matter.get(), policy.reply("escalated"));
    }
    if (Escalations.failed(turn.answer()) && Escalations.failedTwice(history)) {
      return escalated(turn, "the bot failed to help twice in a row", policy.reply("failed_twice"));
    }
    return turn;
  }

  /** The turn with an escalation created: the notice first, then whatever the knowledge base had to say. */
  private Turn escalated(Turn turn, String reason, String notice) {
    Answer a = turn.answer();
    boolean found = !a.sources().isEmpty();
    String quoted = a.text().startsWith(policy.reply("weak_match"))
        ? a.text().substring(policy.reply("weak_match").length()).strip() : a.text();
    String text = found ? notice + "\n\nIn the meantime, from my sources:\n" + quoted : notice;
    Intent intent = found ? a.intent() : Intent.ADVISOR_REQUEST;
    return new Turn(turn.query(), new Answer(a.question(), text, a.sources(), a.confidence(), intent,
        Handoff.CREATED, reason), turn.economies());
  }

  private Turn answerFromKnowledge(String q, List<Turn> history, int topK) {
    List<String> terms = retriever.analyse(q);
    FollowUps.Standalone standalone = followUps.resolve(q, terms, history);
    SearchResult result = retriever.search(
        new SearchQuery(standalone.query(), Math.max(topK, 3), SearchMode.HYBRID, standalone.economies(),
            standalone.economySwitched()));
    double sure = result.hits().isEmpty() ? 0 : confidence.of(result.hits().get(0));
    if (sure < policy.weak() || outOfScope.foundIn(q) && sure < policy.answered()) {
      boolean declined = outOfScope.foundIn(q);
      return new Turn(standalone.query(), new Answer(q, policy.reply(declined ? "out_of_scope" : "nothing_found"),
          List.of(), round(Math.min(sure, policy.weak())), Intent.OUT_OF_SCOPE,
          declined ? Handoff.NONE : Handoff.OFFERED,
          declined ? "outside the help desk's remit" : "nothing relevant in the knowledge base"), standalone.economies());
    }
    ExtractiveComposer.Composition composition = composer.compose(result.terms(), result.hits());
    boolean weak = sure < policy.answered();
    String quoted = names.withTitles(composition.text());
    String text = weak ? policy.reply("weak_match") + "\n\n" + quoted : quoted;
    Intent intent = Intent.ofCategory(result.hits().get(0).document().category());
    String reason = weak ? String.format("weak match (confidence %.2f): an advisor is offered", sure)
        : String.format("answered from the knowledge base (confidence %.2f)", sure);
    Answer answer = new Answer(q, text, sources(result, composition.documentIds(), topK), round(sure), intent,
        weak ? Handoff.OFFERED : Handoff.NONE, reason);
    return new Turn(standalone.query(), answer, standalone.economies());
  }

  /**
   * The quoted documents first, then others about as close to the question in meaning as the best one (rank
   * fusion scores are too flat to tell), at most {@code topK}.
   */
  private static List<Source> sources(SearchResult result, List<String> quoted, int topK) {
    Map<String, DocumentHit> byId = new LinkedHashMap<>();
    result.hits().forEach(h -> byId.put(h.document().id(), h));
    List<DocumentHit> ordered = new ArrayList<>();
    quoted.forEach(id -> ordered.add(byId.get(id)));
    double best = result.hits().get(0).similarity();
    result.hits().stream()
        .filter(h -> !quoted.contains(h.document().id()) && h.similarity() >= best - RELATED_SIMILARITY)
        .forEach(ordered::add);
    Function<DocumentHit, Source> toSource = h -> {
      KnowledgeDocument d = h.document();
      return new Source(d.id(), d.title(), d.source(), d.reviewed(), round(h.score()));
    };
    return ordered.stream().limit(topK).map(toSource).toList();
  }

  private static Turn plain(String q, Intent intent, Handoff handoff, String reason, String text) {
    return new Turn(q, new Answer(q, text, List.of(), intent == Intent.SMALLTALK ? 1.0 : 0.0, intent, handoff, reason),
        Set.of());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
