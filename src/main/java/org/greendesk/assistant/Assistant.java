package org.greendesk.assistant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.knowledge.KnowledgeBase;
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
  /** A greeting or thanks longer than this is likely to carry a question too. */
  private static final int SMALL_TALK_WORDS = 8;
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
  private final Intents intents;
  private final @Nullable ModelWriter writer;

  /**
   * What an assistant is made of besides the knowledge, the same for every reload of it.
   *
   * @param messages what it says in its own words, per language
   * @param languages tells the language a message is written in
   * @param writer the language model's work, or {@code null} to answer offline
   */
  public record Setup(RoutingPolicy policy, Messages messages, LanguageDetector languages, Intents intents,
      Clock clock, @Nullable ModelWriter writer) {}

  public Assistant(Retriever retriever, Setup setup, Confidence confidence, AnswerWeights weights) {
    this.retriever = retriever;
    this.policy = setup.policy();
    this.messages = setup.messages();
    this.languages = setup.languages();
    this.intents = setup.intents();
    this.writer = setup.writer();
    RoutingPolicy policy = setup.policy();
    Clock clock = setup.clock();
    this.knowledge = new KnowledgeAnswers(retriever, policy, messages, confidence, weights, clock, writer);
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

  /** The knowledge it answers from. */
  public KnowledgeBase knowledge() {
    return retriever.knowledgeBase();
  }

  /** The language the message is written in; empty when it says too little to tell ("CBAM?", "ok"). */
  public Optional<Language> recognise(String message) {
    return languages.recognise(message.strip());
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
   * @param chosen the language to answer in (ISO 639-1: the one the SME chose, or their usual one when the
   *     message is too short to tell), or {@code null} to answer in the language the question is written in
   * @return the turn to append to the history
   * @throws IllegalArgumentException for a blank question
   */
  public Turn reply(String question, List<Turn> history, int topK, @Nullable String chosen) {
    return reply(question, history, topK, chosen, Set.of());
  }

  /**
   * Answers a question, as {@link #reply(String, List, int, String)}, for an SME established in {@code home}: a
   * question that names no economy, and follows none up, favours documents for it (a preference, not a filter).
   */
  public Turn reply(String question, List<Turn> history, int topK, @Nullable String chosen, Set<String> home) {
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
    Optional<Intents.Guess> guess = intents.classify(q, written.code());
    Optional<String> intent = guess.filter(Intents.Guess::sure).map(Intents.Guess::label);
    // Saying yes to the offer of an advisor is a short reply, which could pass for thanks: it is heard first.
    Optional<String> asked = escalations.offerAccepted(q, history)
        .or(() -> intent.filter(Intents.ADVISOR_REQUEST::equals).map(i -> "the SME asked for a person"));
    if (asked.isPresent()) {
      return plain(q, Intent.ADVISOR_REQUEST, Handoff.CREATED, asked.get(), messages.text(lang, "advisor_request"));
    }
    if (smallTalk(q, intent)) {
      boolean thanks = intent.map(Intents.THANKS::equals).orElse(this.thanks.foundIn(q));
      return plain(q, Intent.SMALLTALK, Handoff.NONE, thanks ? "thanks" : "greeting",
          messages.text(lang, thanks ? "thanks" : "greeting"));
    }
    if (eventQuestions.foundIn(q)) {
      return new Turn(q, events.answer(q, topK, lang), retriever.knowledgeBase().economies().find(q));
    }
    boolean outOfScope = intent.filter(Intents.OUT_OF_SCOPE::equals).isPresent();
    return routed(q, history, knowledge.answer(q, written, language, history, topK, outOfScope, home,
        noticeLength(guess, lang)), lang, guess);
  }

  /** The characters {@link #routed} may put around the answer, which the answer leaves room for. */
  private int noticeLength(Optional<Intents.Guess> guess, String lang) {
    Optional<Intents.Guess> matter = guess.filter(g -> matter(g.label()).isPresent());
    if (matter.isEmpty()) {
      return 0;
    }
    return matter.get().sure()
        ? messages.text(lang, "escalated").length() + messages.text(lang, "meanwhile").length() + 3
        : messages.text(lang, "case_offer", Map.of("button", messages.text(lang, "button_advisor"))).length() + 2;
  }

  /** A message made only of greetings and thanks, or one that says no more than a greeting or thanks does. */
  private boolean smallTalk(String q, Optional<String> intent) {
    boolean onlyGreetings = greetings.removeFrom(q).replaceAll("[^\\p{L}\\p{N}]+", "").isEmpty();
    boolean greets = intent.filter(i -> i.equals(Intents.GREETING) || i.equals(Intents.THANKS)).isPresent();
    return onlyGreetings || greets && q.split("\\s+").length <= SMALL_TALK_WORDS;
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
  private Turn routed(String q, List<Turn> history, KnowledgeAnswers.Answered answered, String lang,
      Optional<Intents.Guess> guess) {
    Turn turn = answered.turn();
    Optional<String> matter = guess.flatMap(g -> matter(g.label()));
    if (matter.isPresent() && guess.get().sure()) {
      return escalated(turn, matter.get(), messages.text(lang, "escalated"), lang);
    }
    if (answered.certaintyClaimed()) {
      return escalated(turn, ModelWriter.Problem.LEGAL_CERTAINTY.reason(), messages.text(lang, "escalated"), lang);
    }
    if (Escalations.failed(turn.answer()) && Escalations.failedTwice(history)) {
      return escalated(turn, "the bot failed to help twice in a row", messages.text(lang, "failed_twice"), lang);
    }
    if (matter.isPresent() && turn.answer().handoff() == Handoff.NONE) {
      return offered(turn, "it may be " + matter.get() + ": an advisor is offered", messages.text(lang, "case_offer",
          Map.of("button", messages.text(lang, "button_advisor"))));
    }
    return turn;
  }

  /** The answer as it stands, with a person offered for what the SME may need beyond it. */
  private static Turn offered(Turn turn, String reason, String offer) {
    Answer a = turn.answer();
    return new Turn(turn.query(), new Answer(a.question(), a.text() + "\n\n" + offer, a.sources(), a.confidence(),
        a.intent(), Handoff.OFFERED, a.reason() + "; " + reason), turn.economies());
  }

  /** Why a person should take over a message with this intent, if one should. */
  private static Optional<String> matter(String intent) {
    return Optional.ofNullable(switch (intent) {
      case Intents.LEGAL_OR_URGENT -> "legal or urgent matter";
      case Intents.OWN_CASE -> "the SME asks for a review of its own case";
      case Intents.FRUSTRATION -> "the SME is frustrated";
      default -> null;
    });
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
