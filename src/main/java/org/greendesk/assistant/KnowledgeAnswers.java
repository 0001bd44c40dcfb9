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
import org.greendesk.messages.Messages;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.Retriever;
import org.greendesk.search.SearchMode;
import org.greendesk.search.SearchQuery;
import org.greendesk.search.SearchResult;
import org.jspecify.annotations.Nullable;

/**
 * Answers a question from the knowledge base: understands a follow-up, searches (through the question's own
 * language and its glossary when it is not English), composes the answer offline or has the language model write
 * it, and says how sure it is; an answer drawn from a document overdue for its check says when its facts were
 * last checked. Thread safe.
 */
final class KnowledgeAnswers {
  private static final double RELATED_SIMILARITY = 0.05;
  /** An answer that lacks the fact asked for scores this far under a clear answer, so an advisor is offered. */
  private static final double UNSTATED_MARGIN = 0.05;
  /** A document the question names counts when it is among this many first hits. */
  private static final int NAMED_HITS = 3;
  /** Documents searched for each question, at least: enough for a comparison to find one for each side. */
  private static final int SEARCHED = 5;

  private final Retriever retriever;
  private final RoutingPolicy policy;
  private final Messages messages;
  private final Confidence confidence;
  private final AnswerComposer composer;
  private final QuestionReader reader;
  private final FollowUps followUps;
  private final DocumentNames names;
  private final LocalAnswer local;
  private final ReviewNote review;
  private final @Nullable ModelWriter writer;

  /** @param clock tells which documents are overdue for a check */
  KnowledgeAnswers(Retriever retriever, RoutingPolicy policy, Messages messages, Confidence confidence,
      AnswerWeights weights, Clock clock, @Nullable ModelWriter writer) {
    this.retriever = retriever;
    this.policy = policy;
    this.messages = messages;
    this.confidence = confidence;
    this.writer = writer;
    this.names = new DocumentNames(retriever.knowledgeBase().documents(), retriever::analyse);
    this.reader = new QuestionReader(policy, retriever::analyse, retriever::isQuestionWord, clock);
    SentenceScorer scorer = new SentenceScorer(retriever::analyse, retriever::idf, retriever::sentenceVectors,
        retriever.knowledgeBase().economies(), names, weights, reader::primary);
    this.composer = new AnswerComposer(scorer, names,
        (document, kind) -> notStated(Language.ENGLISH, document, kind));
    this.followUps = new FollowUps(policy.phrases("follow_up"), policy.phrases("asks_like_of"),
        retriever.knowledgeBase().economies(),
        retriever.knowledgeBase().byId(), names);
    this.review = new ReviewNote(messages, clock);
    this.local = new LocalAnswer(retriever, messages, names, this::notStated, review);
  }

  /**
   * A turn answered from the knowledge base.
   *
   * @param inSmeLanguage the language model wrote it, in the SME's language
   * @param certaintyClaimed the model's answer claimed legal certainty on the SME's case: the turn holds the
   *     extractive answer instead, and a person should take over
   */
  record Answered(Turn turn, boolean inSmeLanguage, boolean certaintyClaimed) {}

  /**
   * @param written the language the question is written in
   * @param language the language to answer in
   * @param outOfScope the message was recognised as outside the help desk's remit: declined unless it matches
   *     the knowledge base well
   * @param home the SME's own economy, favoured when the question names none and follows none up; may be empty
   * @param around characters of the chat message that a notice around the answer will take
   */
  Answered answer(String q, Language written, Language language, List<Turn> history, int topK, boolean outOfScope,
      Set<String> home, int around) {
    boolean translated = !written.isEnglish() && retriever.speaks(written.code());
    String english = translated ? retriever.translate(written.code(), q) : q;
    FollowUps.Standalone offline = followUps.resolve(q, english, retriever.analyse(english), history, translated);
    // A follow-up, or a question the English index would not match, is worth a call to the model.
    Optional<String> rewritten = writer != null && (!history.isEmpty() || !written.isEnglish())
        ? writer.standalone(q, history) : Optional.empty();
    FollowUps.Standalone standalone = rewritten.map(r -> followUps.rewritten(offline, r)).orElse(offline);
    SearchQuery query = new SearchQuery(standalone.query(), Math.max(topK, SEARCHED), SearchMode.HYBRID,
        standalone.economies().isEmpty() ? home : standalone.economies(), standalone.economySwitched(),
        standalone.category());
    SearchResult result = translated && rewritten.isEmpty() ? retriever.searchIn(written.code(), q, query)
        : retriever.search(query);
    String lang = language.code();
    double sure = result.hits().isEmpty() ? 0 : confidence.of(result.hits().get(0));
    boolean declined = outOfScope;
    // A question that calls a document found by its name ("CBAM") is about it, however many other words it has.
    boolean named = !declined && result.hits().stream().limit(NAMED_HITS)
        .anyMatch(h -> names.nameIn(standalone.query(), h.document()).isPresent());
    if (named) {
      sure = Math.max(sure, policy.weak());
    }
    if (sure < policy.weak() || declined && sure < policy.answered()) {
      return offline(new Turn(standalone.query(), new Answer(q,
          messages.text(lang, declined ? "out_of_scope" : "nothing_found"), List.of(),
          round(Math.min(sure, policy.weak())), Intent.OUT_OF_SCOPE, declined ? Handoff.NONE : Handoff.OFFERED,
          declined ? "outside the help desk's remit" : "nothing relevant in the knowledge base"),
          standalone.economies()));
    }
    AskedFor asked = reader.read(q, standalone.query());
    // An answer that may come out weak leaves room for the note that says so, and one that may quote a document
    // overdue for its check for the note that says when it was checked.
    int reserved = around + (sure < policy.answered() ? messages.text(lang, "weak_match").length() + 2 : 0)
        + review.of(result.hits().stream().map(DocumentHit::document).toList(), lang)
            .map(note -> note.length() + 2).orElse(0);
    Composition composition = composer.compose(standalone.query(), asked, result, reserved, translated);
    if (!composition.stated()) {
      sure = Math.min(sure, policy.answered() - UNSTATED_MARGIN);
    } else if (composition.basis() == Composition.Basis.PAIR || named) {
      sure = Math.max(sure, policy.answered());
    }
    boolean weak = sure < policy.answered();
    Intent intent = Intent.ofCategory(result.hits().get(0).document().category());
    String reason = (weak ? String.format("weak match (confidence %.2f): an advisor is offered", sure)
        : String.format("answered from the knowledge base (confidence %.2f)", sure)) + "; " + how(composition);
    String text = local.text(language, composition, weak, asked);
    Answer extractive = new Answer(q, text, sources(result, composition.documentIds(), topK), round(sure), intent,
        weak ? Handoff.OFFERED : Handoff.NONE, reason);
    Turn turn = new Turn(standalone.query(), extractive, standalone.economies());
    return writer == null ? offline(turn)
        : byModel(writer, turn, rewritten.orElse(null), language, result, topK, composition);
  }

  /** The one sentence that says the document lacks the kind of fact asked for, with its link. */
  String notStated(Language language, KnowledgeDocument document, AnswerKind kind) {
    String what = switch (kind) {
      case DATE -> "what_date";
      case AMOUNT -> "what_amount";
      case THRESHOLD -> "what_threshold";
      default -> "what_other";
    };
    return messages.text(language.code(), "fact_not_stated", Map.of("subject", document.shortName(),
        "what", messages.text(language.code(), what), "url", document.source() == null ? document.title()
            : document.source()));
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
    String text = review.appendTo(weak ? messages.text(language.code(), "weak_match") + "\n\n" + draft.text()
        : draft.text(), draft.documentIds().stream().map(id -> hits.get(id).document()).toList(), language.code());
    Answer written = new Answer(a.question(), text,
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
    return ordered.stream().limit(topK).map(KnowledgeAnswers::source).toList();
  }

  private static Map<String, DocumentHit> byId(SearchResult result) {
    Map<String, DocumentHit> byId = new LinkedHashMap<>();
    result.hits().forEach(h -> byId.put(h.document().id(), h));
    return byId;
  }

  static Source source(DocumentHit hit) {
    KnowledgeDocument d = hit.document();
    return new Source(d.id(), d.title(), d.source(), d.reviewed(), round(hit.score()));
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
