package org.greendesk.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.Retriever;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.greendesk.search.SearchResult;
import org.jspecify.annotations.Nullable;

/**
 * Answers one message of a conversation: small talk and requests for a person by the routing policy, "what
 * events are coming up" from the calendar, other questions from the knowledge base with their sources, a
 * confidence, and whether to bring in an advisor. Thread safe; the conversation's earlier turns are passed in, not
 * kept.
 *
 * <p>Answers are extractive unless a {@link ModelWriter} is given: then a language model rewrites follow-ups (and
 * questions in other languages) for the search and writes the answer from the retrieved passages, in the SME's
 * language. Whatever the model fails to do, or does against the rules, is done the offline way instead; the SME
 * never sees a model error.
 */
public final class Assistant {
  private static final double RELATED_SIMILARITY = 0.05;
  /** A document the question names counts when it is among this many first hits. */
  private static final int NAMED_HITS = 3;
  /** Documents searched for each question, at least: enough for a comparison to find one for each side. */
  private static final int SEARCHED = 5;
  /** An answer that lacks the fact asked for scores this far under a clear answer, so an advisor is offered. */
  private static final double UNSTATED_MARGIN = 0.05;

  private final Retriever retriever;
  private final RoutingPolicy policy;
  private final Confidence confidence;
  private final AnswerComposer composer;
  private final QuestionReader reader;
  private final FollowUps followUps;
  private final Phrases greetings;
  private final Phrases thanks;
  private final Escalations escalations;
  private final Phrases outOfScope;
  private final Phrases overrides;
  private final Phrases eventQuestions;
  private final EventListing events;
  private final DocumentNames names;
  private final LanguageDetector languages = new LanguageDetector();
  private final @Nullable ModelWriter writer;

  /** An assistant that answers offline, extractively. */
  public Assistant(Retriever retriever, RoutingPolicy policy, Confidence confidence, AnswerWeights weights,
      Clock clock) {
    this(retriever, policy, confidence, weights, clock, null);
  }

  /** @param writer the language model's work, or {@code null} to answer offline */
  public Assistant(Retriever retriever, RoutingPolicy policy, Confidence confidence, AnswerWeights weights,
      Clock clock, @Nullable ModelWriter writer) {
    this.writer = writer;
    this.retriever = retriever;
    this.policy = policy;
    this.confidence = confidence;
    this.names = new DocumentNames(retriever.knowledgeBase().documents(), retriever::analyse);
    SentenceScorer scorer = new SentenceScorer(retriever::analyse, retriever::idf, retriever::sentenceVectors,
        retriever.knowledgeBase().economies(), names, weights);
    this.composer = new AnswerComposer(scorer, names, policy.reply("fact_not_stated"));
    this.reader = new QuestionReader(policy, retriever::analyse, retriever::isQuestionWord);
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
    Language language = languages.detect(q);
    Answered answered = answerFromKnowledge(q, language, history, topK);
    Turn turn = routed(q, history, answered);
    if (answered.inSmeLanguage() || language.isEnglish()) {
      return turn;
    }
    String notice = policy.reply("english_only").replace("{language}", language.name());
    return new Turn(turn.query(), withText(turn.answer(), notice + "\n\n" + turn.answer().text()), turn.economies());
  }

  /**
   * A summary of the conversation for the advisor who takes it over, written by the language model; empty when
   * there is none or it failed, and the advisor then reads the extractive brief alone.
   *
   * @param conversation the last messages, oldest first, each as "Speaker: text"
   */
  public Optional<String> handoffSummary(String reason, List<String> conversation) {
    return writer == null ? Optional.empty() : writer.brief(reason, conversation);
  }

  /** The answer as it goes out: escalated when the matter, the model's answer or repeated failure calls for it. */
  private Turn routed(String q, List<Turn> history, Answered answered) {
    Turn turn = answered.turn();
    Optional<String> matter = escalations.matterNeedsPerson(q);
    if (matter.isPresent()) {
      return escalated(turn, matter.get(), policy.reply("escalated"));
    }
    if (answered.certaintyClaimed()) {
      return escalated(turn, ModelWriter.Problem.LEGAL_CERTAINTY.reason(), policy.reply("escalated"));
    }
    if (Escalations.failed(turn.answer()) && Escalations.failedTwice(history)) {
      return escalated(turn, "the bot failed to help twice in a row", policy.reply("failed_twice"));
    }
    return turn;
  }

  /**
   * A turn answered from the knowledge base.
   *
   * @param inSmeLanguage the language model wrote it, in the SME's language
   * @param certaintyClaimed the model's answer claimed legal certainty on the SME's case: the turn holds the
   *     extractive answer instead, and a person should take over
   */
  private record Answered(Turn turn, boolean inSmeLanguage, boolean certaintyClaimed) {}

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

  private Answered answerFromKnowledge(String q, Language language, List<Turn> history, int topK) {
    List<String> terms = retriever.analyse(q);
    FollowUps.Standalone offline = followUps.resolve(q, terms, history);
    // A follow-up, or a question the English index would not match, is worth a call to the model.
    Optional<String> rewritten = writer != null && (!history.isEmpty() || !language.isEnglish())
        ? writer.standalone(q, history) : Optional.empty();
    FollowUps.Standalone standalone = rewritten.map(r -> followUps.rewritten(offline, r)).orElse(offline);
    SearchResult result = retriever.search(
        new SearchQuery(standalone.query(), Math.max(topK, SEARCHED), SearchMode.HYBRID, standalone.economies(),
            standalone.economySwitched()));
    double sure = result.hits().isEmpty() ? 0 : confidence.of(result.hits().get(0));
    // A question that calls a document found by its name ("CBAM") is about it, however many other words it has.
    boolean named = !outOfScope.foundIn(q) && result.hits().stream().limit(NAMED_HITS)
        .anyMatch(h -> names.nameIn(standalone.query(), h.document()).isPresent());
    if (named) {
      sure = Math.max(sure, policy.weak());
    }
    if (sure < policy.weak() || outOfScope.foundIn(q) && sure < policy.answered()) {
      boolean declined = outOfScope.foundIn(q);
      return offline(new Turn(standalone.query(), new Answer(q,
          policy.reply(declined ? "out_of_scope" : "nothing_found"), List.of(), round(Math.min(sure, policy.weak())),
          Intent.OUT_OF_SCOPE, declined ? Handoff.NONE : Handoff.OFFERED,
          declined ? "outside the help desk's remit" : "nothing relevant in the knowledge base"), standalone.economies()));
    }
    // An answer that may come out weak leaves room for the note that says so.
    int reserved = sure < policy.answered() ? policy.reply("weak_match").length() + 2 : 0;
    Composition composition = composer.compose(standalone.query(), reader.read(q, standalone.query()), result,
        reserved);
    if (!composition.stated()) {
      sure = Math.min(sure, policy.answered() - UNSTATED_MARGIN);
    } else if (composition.basis() == Composition.Basis.PAIR || named) {
      sure = Math.max(sure, policy.answered());
    }
    boolean weak = sure < policy.answered();
    Intent intent = Intent.ofCategory(result.hits().get(0).document().category());
    String reason = (weak ? String.format("weak match (confidence %.2f): an advisor is offered", sure)
        : String.format("answered from the knowledge base (confidence %.2f)", sure)) + "; " + how(composition);
    String text = composition.stated() ? weakened(weak, names.withTitles(composition.text()))
        : names.withTitles(composition.text()) + " " + policy.reply("advisor_offer");
    Answer extractive = new Answer(q, text, sources(result, composition.documentIds(), topK), round(sure), intent,
        weak ? Handoff.OFFERED : Handoff.NONE, reason);
    Turn turn = new Turn(standalone.query(), extractive, standalone.economies());
    return writer == null ? offline(turn)
        : byModel(writer, turn, rewritten.orElse(null), language, result, topK, composition);
  }

  /**
   * The model's answer from the same hits, listing the documents it cites; or, when it cannot be sent, the
   * extractive turn with the reason why.
   */
  private Answered byModel(ModelWriter writer, Turn extractive, @Nullable String rewritten, Language language,
      SearchResult result, int topK, Composition composition) {
    Answer a = extractive.answer();
    ModelWriter.Draft draft = writer.answer(a.question(), rewritten, language, result.hits(), topK, composition);
    if (!draft.usable()) {
      ModelWriter.Problem problem = Objects.requireNonNull(draft.problem());
      String why = a.reason() + "; the model's answer was not used: " + problem.reason();
      return new Answered(new Turn(extractive.query(), withReason(a, why), extractive.economies()), false,
          problem == ModelWriter.Problem.LEGAL_CERTAINTY);
    }
    boolean weak = a.handoff() == Handoff.OFFERED;
    String how = "written by the language model from " + draft.documentIds().size() + " cited document(s)";
    Map<String, DocumentHit> hits = byId(result);
    Answer written = new Answer(a.question(), weakened(weak, draft.text()),
        draft.documentIds().stream().map(id -> source(hits.get(id))).toList(), a.confidence(), a.intent(),
        a.handoff(), weak ? a.reason() + "; " + how : String.format("%s (confidence %.2f)", how, a.confidence()));
    return new Answered(new Turn(extractive.query(), written, extractive.economies()), true, false);
  }

  private static String how(Composition composition) {
    return switch (composition.basis()) {
      case PAIR -> "a curated answer matched the question";
      case SENTENCES -> "quoted " + composition.parts().stream().mapToInt(p -> p.sentences().size()).sum()
          + " sentence(s) of " + composition.documentIds().size() + " document(s)";
      case NOT_STATED -> "the documents found do not state the kind of fact asked for";
    } + (composition.stated() || composition.basis() == Composition.Basis.NOT_STATED ? ""
        : ", which says the fact is not known yet");
  }

  private static Answered offline(Turn turn) {
    return new Answered(turn, false, false);
  }

  private String weakened(boolean weak, String text) {
    return weak ? policy.reply("weak_match") + "\n\n" + text : text;
  }

  private static Answer withText(Answer a, String text) {
    return new Answer(a.question(), text, a.sources(), a.confidence(), a.intent(), a.handoff(), a.reason());
  }

  private static Answer withReason(Answer a, String reason) {
    return new Answer(a.question(), a.text(), a.sources(), a.confidence(), a.intent(), a.handoff(), reason);
  }

  /**
   * The quoted documents first, then others about as close to the question in meaning as the best one (rank
   * fusion scores are too flat to tell), at most {@code topK}.
   */
  private static List<Source> sources(SearchResult result, List<String> quoted, int topK) {
    Map<String, DocumentHit> byId = byId(result);
    List<DocumentHit> ordered = new ArrayList<>();
    quoted.forEach(id -> ordered.add(byId.get(id)));
    double best = result.hits().get(0).similarity();
    result.hits().stream()
        .filter(h -> !quoted.contains(h.document().id()) && h.similarity() >= best - RELATED_SIMILARITY)
        .forEach(ordered::add);
    return ordered.stream().limit(topK).map(Assistant::source).toList();
  }

  private static Map<String, DocumentHit> byId(SearchResult result) {
    Map<String, DocumentHit> byId = new LinkedHashMap<>();
    result.hits().forEach(h -> byId.put(h.document().id(), h));
    return byId;
  }

  private static Source source(DocumentHit hit) {
    KnowledgeDocument d = hit.document();
    return new Source(d.id(), d.title(), d.source(), d.reviewed(), round(hit.score()));
  }

  private static Turn plain(String q, Intent intent, Handoff handoff, String reason, String text) {
    return new Turn(q, new Answer(q, text, List.of(), intent == Intent.SMALLTALK ? 1.0 : 0.0, intent, handoff, reason),
        Set.of());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
