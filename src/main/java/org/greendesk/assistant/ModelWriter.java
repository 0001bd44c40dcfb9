package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.greendesk.base.WireName;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;
import org.greendesk.search.DocumentHit;
import org.jspecify.annotations.Nullable;

/**
 * Has a language model write, within the rules of {@code prompts/}: an answer from numbered passages, a standalone
 * question from a follow-up, a brief of a conversation for an advisor. The SME's text and the documents' text go
 * into the prompts as delimited data, never as instructions. Nothing here throws because of the model: what it
 * could not write comes back empty, or as a {@link Draft} that says why, and the caller does it the offline way.
 * Each task's outcome is counted in {@link LlmMetrics#RESULTS}. Thread safe.
 */
public final class ModelWriter {
  /** The result recorded when the model's work was used. */
  private static final String USED = "used";
  private static final int PASSAGES_PER_DOCUMENT = 2;
  private static final int MAX_PASSAGE_CHARS = 1500;
  private static final int HISTORY_TURNS = 3;
  private static final int MAX_EARLIER_ANSWER_CHARS = 400;
  private static final int MAX_QUESTION_CHARS = 400;
  private static final int MAX_BRIEF_CHARS = 1200;
  /** Text that would pass for one of the prompt's own delimiters. */
  private static final Pattern DELIMITER =
      Pattern.compile("<(?=\\s*/?\\s*(?:passage|question|conversation)\\b)", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile("^(?i)(standalone question|question|rewritten)\\s*:\\s*");

  private final LanguageModel model;
  private final Prompts prompts;
  private final Escalations escalations;
  private final LlmMetrics metrics;

  /** @param policy its {@code legal_certainty} and {@code hedges} phrases tell an answer that oversteps */
  public ModelWriter(LanguageModel model, Prompts prompts, RoutingPolicy policy, LlmMetrics metrics) {
    this.model = model;
    this.prompts = prompts;
    this.escalations = new Escalations(policy);
    this.metrics = metrics;
  }

  /** Why a model-written answer was set aside; {@link #wire()} is its metrics tag. */
  public enum Problem implements WireName {
    MODEL_ERROR("the model did not answer"),
    EMPTY("the model's answer was empty"),
    NO_CITATION("the model's answer cites no passage"),
    UNKNOWN_CITATION("the model cited a passage it was not given"),
    MISSING_FACT("the model's answer leaves out the date or amount its passages state"),
    LEGAL_CERTAINTY("the model's answer claimed legal certainty on the SME's own case");

    private final String reason;

    Problem(String reason) {
      this.reason = reason;
    }

    /** Says it for a person reading the answer's {@code reason}. */
    public String reason() {
      return reason;
    }
  }

  /**
   * A model-written answer, or why there is none.
   *
   * @param text the answer, its citations renumbered to match {@code documentIds}: {@code [1]} is the first
   * @param documentIds the documents cited, in the order of the hits (best first), each once
   * @param problem why it cannot be sent; {@code null} when it can
   */
  public record Draft(String text, List<String> documentIds, @Nullable Problem problem) {
    public Draft {
      Objects.requireNonNull(text, "text");
      documentIds = List.copyOf(documentIds);
    }

    static Draft unusable(Problem problem) {
      return new Draft("", List.of(), problem);
    }

    public boolean usable() {
      return problem == null;
    }
  }

  /** A passage as the model sees it: its number in the prompt and the title of its document. */
  private record Numbered(int number, String title, Passage passage) {
    String documentId() {
      return passage.documentId();
    }
  }

  /**
   * Has the model answer the question from the best passages of the first {@code maxDocuments} hits, the passage
   * that states the fact asked for first (a curated answer, when one matched). The answer is usable only when it
   * cites at least one passage, cites no passage it was not given, keeps the numbers of the fact asked for, and
   * does not claim legal certainty on the SME's own case. Superseded rules and other curated answers are not
   * given to it.
   *
   * @param inFull the question as it was searched, when a follow-up was rewritten; {@code null} otherwise
   * @param extractive the offline answer to the same question, whose fact the model's answer must keep
   */
  public Draft answer(String question, @Nullable String inFull, Language language, List<DocumentHit> hits,
      int maxDocuments, Composition extractive) {
    List<Numbered> passages = number(hits, maxDocuments, extractive);
    String asked = inFull == null || inFull.equals(question) ? question : question + "\n(In full: " + inFull + ")";
    String user = prompts.answer().render(Map.of("question", data("question", asked),
        "passages", passages(passages), "language", language.name(), "count", String.valueOf(passages.size())));
    Draft draft = check(ask(ModelTask.ANSWER, user), passages);
    if (draft.usable() && !keepsFact(draft.text(), extractive.fact())) {
      draft = Draft.unusable(Problem.MISSING_FACT);
    }
    metrics.result(ModelTask.ANSWER, draft.usable() ? USED : Objects.requireNonNull(draft.problem()).wire());
    return draft;
  }

  /** True when the text has every number of the fact: "30 September 2027" needs 30 and 2027 in any language. */
  private static boolean keepsFact(String text, String fact) {
    List<String> numbers = FactSignals.numbers(text);
    return FactSignals.numbers(fact).stream().allMatch(numbers::contains);
  }

  private Draft check(Optional<String> reply, List<Numbered> passages) {
    if (reply.isEmpty()) {
      return Draft.unusable(Problem.MODEL_ERROR);
    }
    String text = reply.get().strip();
    List<Integer> cited = Citations.cited(text);
    if (text.isEmpty()) {
      return Draft.unusable(Problem.EMPTY);
    } else if (cited.isEmpty()) {
      return Draft.unusable(Problem.NO_CITATION);
    } else if (cited.stream().anyMatch(n -> n < 1 || n > passages.size())) {
      return Draft.unusable(Problem.UNKNOWN_CITATION);
    } else if (escalations.claimsCertainty(text)) {
      return Draft.unusable(Problem.LEGAL_CERTAINTY);
    }
    List<String> documents = passages.stream().filter(p -> cited.contains(p.number()))
        .map(Numbered::documentId).distinct().toList();
    Map<Integer, Integer> renumber = new HashMap<>();
    cited.forEach(n -> renumber.put(n, documents.indexOf(passages.get(n - 1).documentId()) + 1));
    return new Draft(Citations.renumbered(text, renumber), documents, null);
  }

  /**
   * The question rewritten as one standalone English question, for the search: a follow-up completed from the
   * conversation, a question in another language translated. Empty when the model could not.
   *
   * @param history the conversation's earlier turns, oldest first; may be empty
   */
  public Optional<String> standalone(String question, List<Turn> history) {
    StringBuilder conversation = new StringBuilder();
    for (Turn turn : history.subList(Math.max(0, history.size() - HISTORY_TURNS), history.size())) {
      conversation.append("SME: ").append(oneLine(turn.answer().question(), MAX_QUESTION_CHARS)).append('\n')
          .append("GreenDesk: ").append(oneLine(turn.answer().text(), MAX_EARLIER_ANSWER_CHARS)).append('\n');
    }
    String user = prompts.followUp().render(Map.of(
        "conversation", data("conversation", conversation.length() == 0 ? "(none)" : conversation.toString()),
        "question", data("question", question)));
    Optional<String> reply = ask(ModelTask.REWRITE, user);
    Optional<String> rewritten = reply
        .flatMap(text -> text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst())
        .map(line -> LABEL.matcher(line).replaceFirst("").replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip())
        .filter(line -> !line.isEmpty() && line.length() <= MAX_QUESTION_CHARS);
    return counted(ModelTask.REWRITE, reply, rewritten);
  }

  /**
   * A few sentences for the advisor taking over: what the SME needs, what they were told, what is open.
   *
   * @param conversation the last messages, oldest first, each as "Speaker: text"
   */
  public Optional<String> brief(String reason, List<String> conversation) {
    String user = prompts.brief().render(Map.of("reason", reason,
        "conversation", data("conversation", String.join("\n", conversation))));
    Optional<String> reply = ask(ModelTask.BRIEF, user);
    Optional<String> brief = reply.map(String::strip).filter(text -> !text.isEmpty())
        .map(text -> text.length() <= MAX_BRIEF_CHARS ? text : text.substring(0, MAX_BRIEF_CHARS) + "...");
    return counted(ModelTask.BRIEF, reply, brief);
  }

  /** Records what became of the task: used, set aside as empty, or no reply at all. */
  private Optional<String> counted(ModelTask task, Optional<String> reply, Optional<String> kept) {
    Problem problem = reply.isEmpty() ? Problem.MODEL_ERROR : Problem.EMPTY;
    metrics.result(task, kept.isPresent() ? USED : problem.wire());
    return kept;
  }

  private Optional<String> ask(ModelTask task, String user) {
    try {
      return Optional.of(model.complete(new ModelRequest(task, prompts.system().text(), user)).text());
    } catch (ModelException e) {
      return Optional.empty(); // the model's guard has logged and counted it
    }
  }

  /** The fact's passage first, then the best passages of each document, without history or curated answers. */
  private static List<Numbered> number(List<DocumentHit> hits, int maxDocuments, Composition extractive) {
    List<Numbered> numbered = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    hits.forEach(h -> titles.put(h.document().id(), h.document().title()));
    Optional<Passage> first = factPassage(hits, extractive);
    first.ifPresent(p -> numbered.add(new Numbered(1, titles.get(p.documentId()), p)));
    for (DocumentHit hit : hits.subList(0, Math.min(maxDocuments, hits.size()))) {
      hit.passages().stream()
          .filter(p -> p.kind() == PassageKind.TEXT && first.map(f -> !f.id().equals(p.id())).orElse(true))
          .limit(PASSAGES_PER_DOCUMENT)
          .forEach(p -> numbered.add(new Numbered(numbered.size() + 1, hit.document().title(), p)));
    }
    return numbered;
  }

  /** The passage that holds the offline answer's fact: the curated answer itself, or the quoted sentence's. */
  private static Optional<Passage> factPassage(List<DocumentHit> hits, Composition extractive) {
    if (extractive.parts().isEmpty() || extractive.basis() == Composition.Basis.NOT_STATED) {
      return Optional.empty();
    }
    Composition.Part part = extractive.parts().get(0);
    if (extractive.basis() == Composition.Basis.PAIR) {
      return Optional.of(new Passage(part.documentId() + "#answer", part.documentId(), 0, "Questions",
          part.fact()));
    }
    return hits.stream().filter(h -> h.document().id().equals(part.documentId()))
        .flatMap(h -> h.passages().stream()).filter(p -> p.text().contains(part.fact().replaceAll("\\.$", "")))
        .findFirst();
  }

  private static String passages(List<Numbered> passages) {
    StringBuilder block = new StringBuilder();
    for (Numbered p : passages) {
      String text = p.passage().text();
      block.append("<passage number=\"").append(p.number()).append("\" document=\"").append(attribute(p.title()))
          .append("\" section=\"").append(attribute(p.passage().heading())).append("\">\n")
          .append(neutralised(text.length() <= MAX_PASSAGE_CHARS ? text : text.substring(0, MAX_PASSAGE_CHARS) + "..."))
          .append("\n</passage>\n");
    }
    return block.toString().strip();
  }

  /** Text from outside (the SME, a document) between delimiters it cannot close or imitate. */
  private static String data(String tag, String text) {
    return "<" + tag + ">\n" + neutralised(text.strip()) + "\n</" + tag + ">";
  }

  private static String neutralised(String text) {
    return DELIMITER.matcher(text).replaceAll("‹");
  }

  private static String attribute(String text) {
    return neutralised(text).replace("\"", "'");
  }

  private static String oneLine(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }
}
