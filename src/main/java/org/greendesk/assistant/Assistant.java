package org.greendesk.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.messages.Messages;
import org.greendesk.search.Retriever;
import org.jspecify.annotations.Nullable;

/**
 * Answers one message of a conversation: small talk and requests for a person by the routing policy, "what
 * events are coming up" from the calendar, other questions from the knowledge base with their sources, a
 * confidence, and whether to bring in an advisor. It answers in the language the SME writes (or chose), its own
 * words from the message catalogue. Thread safe; the conversation's earlier turns are passed in, not kept.
 *
 * <p>Answers are extractive unless a {@link ModelWriter} is given: then a language model rewrites follow-ups (and
 * questions in other languages) for the search and writes the answer from the retrieved passages, in the SME's
 * language. Whatever the model fails to do, or does against the rules, is done the offline way instead; the SME
 * never sees a model error.
 */
public final class Assistant {
  private final Retriever retriever;
  private final RoutingPolicy policy;
  private final Messages messages;
  private final KnowledgeAnswers knowledge;
  private final Phrases greetings;
  private final Phrases thanks;
  private final Escalations escalations;
  private final Phrases overrides;
  private final Phrases eventQuestions;
  private final EventListing events;
  private final LanguageDetector languages;
  private final @Nullable ModelWriter writer;

  /**
   * What an assistant is made of besides the knowledge, the same for every reload of it.
   *
   * @param messages what it says in its own words, per language
   * @param languages tells the language a message is written in
   * @param writer the language model's work, or {@code null} to answer offline
   */
  public record Setup(RoutingPolicy policy, Messages messages, LanguageDetector languages, Clock clock,
      @Nullable ModelWriter writer) {}

  public Assistant(Retriever retriever, Setup setup, Confidence confidence, AnswerWeights weights) {
    this.retriever = retriever;
    this.policy = setup.policy();
    this.messages = setup.messages();
    this.languages = setup.languages();
    this.writer = setup.writer();
    RoutingPolicy policy = setup.policy();
    Clock clock = setup.clock();
    this.knowledge = new KnowledgeAnswers(retriever, policy, messages, confidence, weights, writer);
    List<String> smalltalk = new ArrayList<>(policy.phrases().get("greeting"));
    smalltalk.addAll(policy.phrases().get("thanks"));
    smalltalk.addAll(policy.phrases().get("filler"));
    this.greetings = new Phrases(smalltalk);
    this.thanks = policy.phrases("thanks");
    this.escalations = new Escalations(policy);
    this.overrides = policy.phrases("instruction_override");
    this.eventQuestions = policy.phrases("events_upcoming");
    List<String> generic = new ArrayList<>(policy.phrases().get("events_upcoming"));
    generic.addAll(policy.phrases().get("events_generic"));
    this.events = new EventListing(retriever.knowledgeBase(), retriever::analyse, generic, messages, clock);
  }

  /** Answers in the language the question is written in; see {@link #reply(String, List, int, String)}. */
  public Turn reply(String question, List<Turn> history, int topK) {
    return reply(question, history, topK, null);
  }

  /**
   * Answers a question.
   *
   * @param history the conversation's earlier turns, oldest first; empty for a first question
   * @param topK the most sources to list, 1 to 100
   * @param chosen the language the SME chose to be answered in (ISO 639-1), or {@code null} to answer in the
   *     language the question is written in
   * @return the turn to append to the history
   * @throws IllegalArgumentException for a blank question
   */
  public Turn reply(String question, List<Turn> history, int topK, @Nullable String chosen) {
    String q = question.strip();
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the question is empty");
    }
    Language written = languages.detect(q);
    Language language = chosen == null ? written : Language.of(chosen);
    String lang = language.code();
    if (q.length() > policy.maxQuestionChars()) {
      return plain(q, Intent.OUT_OF_SCOPE, Handoff.NONE, "message of " + q.length() + " characters is too long",
          messages.text(lang, "too_long", Map.of("max", String.valueOf(policy.maxQuestionChars()))));
    }
    if (overrides.foundIn(q)) {
      return plain(q, Intent.OUT_OF_SCOPE, Handoff.NONE, "attempt to change the assistant's instructions",
          messages.text(lang, "instruction_override"));
    }
    if (greetings.removeFrom(q).replaceAll("[^\\p{L}\\p{N}]+", "").isEmpty()) {
      boolean thanks = this.thanks.foundIn(q);
      return plain(q, Intent.SMALLTALK, Handoff.NONE, thanks ? "thanks" : "greeting",
          messages.text(lang, thanks ? "thanks" : "greeting"));
    }
    Optional<String> asked = escalations.personRequested(q, history);
    if (asked.isPresent()) {
      return plain(q, Intent.ADVISOR_REQUEST, Handoff.CREATED, asked.get(), messages.text(lang, "advisor_request"));
    }
    if (eventQuestions.foundIn(q)) {
      return new Turn(q, events.answer(q, topK, lang), retriever.knowledgeBase().economies().find(q));
    }
    return routed(q, history, knowledge.answer(q, written, language, history, topK), lang);
  }

  /**
   * What is coming up: the calendar's dated events from today on, for the economy and subject named, in the
   * language given. For the channels' events command, which needs no words of the SME's.
   */
  public Answer events(String about, int topK, String language) {
    return events.answer(about, topK, language);
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
  private Turn routed(String q, List<Turn> history, KnowledgeAnswers.Answered answered, String lang) {
    Turn turn = answered.turn();
    Optional<String> matter = escalations.matterNeedsPerson(q);
    if (matter.isPresent()) {
      return escalated(turn, matter.get(), messages.text(lang, "escalated"), lang);
    }
    if (answered.certaintyClaimed()) {
      return escalated(turn, ModelWriter.Problem.LEGAL_CERTAINTY.reason(), messages.text(lang, "escalated"), lang);
    }
    if (Escalations.failed(turn.answer()) && Escalations.failedTwice(history)) {
      return escalated(turn, "the bot failed to help twice in a row", messages.text(lang, "failed_twice"), lang);
    }
    return turn;
  }

  /** The turn with an escalation created: the notice first, then whatever the knowledge base had to say. */
  private Turn escalated(Turn turn, String reason, String notice, String lang) {
    Answer a = turn.answer();
    boolean found = !a.sources().isEmpty();
    String weak = messages.text(lang, "weak_match");
    String quoted = a.text().startsWith(weak) ? a.text().substring(weak.length()).strip() : a.text();
    String text = found ? notice + "\n\n" + messages.text(lang, "meanwhile") + "\n" + quoted : notice;
    Intent intent = found ? a.intent() : Intent.ADVISOR_REQUEST;
    return new Turn(turn.query(), new Answer(a.question(), text, a.sources(), a.confidence(), intent,
        Handoff.CREATED, reason), turn.economies());
  }

  private static Turn plain(String q, Intent intent, Handoff handoff, String reason, String text) {
    return new Turn(q, new Answer(q, text, List.of(), intent == Intent.SMALLTALK ? 1.0 : 0.0, intent, handoff, reason),
        Set.of());
  }
}
