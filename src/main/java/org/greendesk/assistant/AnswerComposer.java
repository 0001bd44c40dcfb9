package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;
import org.greendesk.knowledge.QuestionPair;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.SearchResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers without a language model, from the documents found. A curated pair whose question matches closely is
 * answered with its answer. Otherwise it scores the sentences of the best documents by closeness in meaning to
 * the question, the focus words they share with it and whether they carry the kind of fact asked for, and quotes
 * the best ones of one document (two, each labelled, when the question compares two). Superseded rules are left
 * out unless the past is asked about, and sentences about another economy than the one named are held back. When
 * the documents lack the kind of fact asked for, it says so rather than quoting the nearest sentence. Stateless
 * and thread safe.
 */
public final class AnswerComposer {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerComposer.class);
  private static final int MAX_CHARS = 600;
  private static final int MAX_LIST_CHARS = 1000;
  private static final int MAX_SENTENCES = 3;
  private static final int MAX_LIST_SENTENCES = 7;
  private static final int CANDIDATE_HITS = 3;
  private static final String LIST_ITEM = QuotedUnit.LIST_ITEM;
  private static final double[] HIT_WEIGHTS = {1.0, 0.85, 0.7, 0.6, 0.5};

  private final SentenceScorer scorer;
  private final DocumentNames names;
  private final BiFunction<KnowledgeDocument, AnswerKind, String> notStated;

  /** @param notStated the sentence that says a document lacks the kind of fact asked for */
  public AnswerComposer(SentenceScorer scorer, DocumentNames names,
      BiFunction<KnowledgeDocument, AnswerKind, String> notStated) {
    this.scorer = scorer;
    this.names = names;
    this.notStated = notStated;
  }

  /** The answer to the question from the search's hits; the hits must not be empty. */
  public Composition compose(String question, AskedFor asked, SearchResult result) {
    return compose(question, asked, result, 0, false);
  }

  /**
   * The answer to the question from the search's hits; the hits must not be empty.
   *
   * @param reserved characters of the chat message that something else will take (a note before the answer)
   * @param translated the question is the English terms of one in another language, whose local names for
   *     general things ("small company") name documents: two named make a comparison only when it says so
   */
  public Composition compose(String question, AskedFor asked, SearchResult result, int reserved,
      boolean translated) {
    List<DocumentHit> hits = candidates(result.hits());
    List<KnowledgeDocument> named = named(question, asked, result, hits);
    Optional<Composition> pair = pairAnswer(question, asked, result,
        named.size() == 1 ? hits.stream().filter(h -> h.document().equals(named.get(0))).toList() : hits);
    if (pair.isPresent()) {
      return pair.get();
    }
    List<Scored> scored = new ArrayList<>();
    for (int h = 0; h < result.hits().size() && h < HIT_WEIGHTS.length; h++) {
      scored.addAll(scorer.sentences(asked, result, result.hits().get(h), HIT_WEIGHTS[h], result.economies()));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    if (LOG.isDebugEnabled()) {
      LOG.debug("asked {}; best sentences:\n{}", asked, String.join("\n", scored.stream().limit(8)
          .map(s -> String.format("  %.3f m=%.2f w=%.2f %s %s: %s", s.score(), s.meaning(), s.words(), s.carried(),
              s.documentId(), s.text())).toList()));
    }
    List<KnowledgeDocument> subjects = subjects(asked, result, hits,
        translated && !asked.comparison() && named.size() > 1 ? named.subList(0, 1) : named, scored);
    List<Composition.Part> parts = new ArrayList<>();
    boolean stated = true;
    for (KnowledgeDocument subject : subjects) {
      List<Scored> own = scored.stream().filter(s -> s.documentId().equals(subject.id())).toList();
      stated &= !asked.primary().checkable() || own.stream().anyMatch(s -> scorer.states(asked, s));
      part(asked, own, subjects.size(), reserved).ifPresent(parts::add);
    }
    if (!stated && subjects.size() == 1) {
      return notStated(asked, subjects.get(0));
    }
    String fact = parts.isEmpty() ? "" : FactSignals.firstFact(asked.primary(), parts.get(0).fact());
    boolean unknown = !parts.isEmpty() && FactSignals.saysUnknown(parts.get(0).fact());
    return new Composition(text(parts, subjects), parts, Composition.Basis.SENTENCES, fact, !unknown);
  }

  /** The first hits, down to those scoring under half the best. */
  private static List<DocumentHit> candidates(List<DocumentHit> hits) {
    double top = hits.get(0).score();
    return hits.stream().limit(CANDIDATE_HITS).filter(h -> h == hits.get(0) || h.score() >= 0.5 * top).toList();
  }

  private Optional<Composition> pairAnswer(String question, AskedFor asked, SearchResult result,
      List<DocumentHit> hits) {
    if (asked.comparison() || asked.history()) {
      return Optional.empty();
    }
    @Nullable Matched best = null;
    for (int h = 0; h < Math.min(2, hits.size()); h++) {
      DocumentHit hit = hits.get(h);
      if (!serves(hit.document(), result.economies())) {
        continue;
      }
      for (Passage passage : hit.passages()) {
        if (passage.kind() == PassageKind.QUESTION && answersKind(asked, passage)) {
          // "Which companies must join?" does not answer "when must they?", however alike the words.
          double match = scorer.pairMatch(question, result, passage, asked.primary());
          LOG.debug("pair {} of {}: {}", passage.id(), hit.document().id(), match);
          if (match > 0 && (best == null || match > best.match())) {
            best = new Matched(hit.document(), QuestionPair.parse(passage.text()), match);
          }
        }
      }
    }
    // A pair's answer, like a sentence, states the fact only if it names what the question asks it of.
    if (best == null || !asked.names(best.pair().answer())) {
      return Optional.empty();
    }
    String answer = best.pair().answer();
    return Optional.of(new Composition(answer, List.of(new Composition.Part(best.document().id(), List.of(answer),
        answer)), Composition.Basis.PAIR, FactSignals.firstFact(asked.primary(), answer),
        !FactSignals.saysUnknown(answer)));
  }

  private record Matched(KnowledgeDocument document, QuestionPair pair, double match) {}

  /** A curated answer answers a "when" only with a date, a "how much" only with an amount... */
  private static boolean answersKind(AskedFor asked, Passage pair) {
    return !asked.primary().checkable()
        || asked.primary().answeredBy(FactSignals.of(QuestionPair.parse(pair.text()).answer()));
  }

  /**
   * The documents the question calls by name, among the hits that serve the economies it names (any hit, for a
   * comparison): several when it
   * names two by different names ("REACH vs K-REACH"), one name counting once ("carbon tax" may name several).
   */
  private List<KnowledgeDocument> named(String question, AskedFor asked, SearchResult result, List<DocumentHit> hits) {
    Map<String, KnowledgeDocument> byName = new LinkedHashMap<>();
    for (DocumentHit hit : hits) {
      // A comparison may name a rule of an economy it does not name ("EU widgets vs K-widgets").
      if (asked.comparison() || serves(hit.document(), result.economies())) {
        names.nameIn(question, hit.document()).ifPresent(name -> byName.putIfAbsent(name, hit.document()));
      }
    }
    return byName.values().stream().distinct().toList();
  }

  /**
   * The documents to quote: the two a comparison names (or the best for each of two economies it names), else
   * the one the question names, else the one with the best sentence.
   */
  private List<KnowledgeDocument> subjects(AskedFor asked, SearchResult result, List<DocumentHit> hits,
      List<KnowledgeDocument> named, List<Scored> scored) {
    // Two economies compared ("EU vs Korea") are answered from a document of each, a named one first; two things
    // of one document compared ("a grant and a guarantee") from it alone.
    if (asked.comparison() && hits.size() >= 2 && result.economies().size() >= 2) {
      List<KnowledgeDocument> two = new ArrayList<>();
      List<KnowledgeDocument> found = new ArrayList<>(named);
      result.hits().stream().map(DocumentHit::document).filter(d -> !named.contains(d)).forEach(found::add);
      for (String economy : result.economies()) {
        found.stream().filter(d -> d.economies().contains(economy) && !two.contains(d)).findFirst()
            .ifPresent(two::add);
      }
      found.stream().filter(d -> !two.contains(d)).forEach(two::add);
      return two.subList(0, 2);
    }
    if (named.size() >= 2 && asked.comparison()) {
      return named.subList(0, 2);
    }
    if (named.size() == 1) {
      return named;
    }
    // The best sentence that states the kind of fact asked for picks the document; else the best sentence.
    Set<String> candidates = new HashSet<>(hits.stream().map(h -> h.document().id()).toList());
    List<Scored> eligible = scored.stream().filter(s -> candidates.contains(s.documentId())).toList();
    String best = eligible.stream().filter(s -> !asked.primary().checkable() || scorer.states(asked, s)).findFirst()
        .or(() -> eligible.stream().findFirst()).map(Scored::documentId).orElse(hits.get(0).document().id());
    return hits.stream().map(DocumentHit::document).filter(d -> d.id().equals(best)).toList();
  }

  /**
   * The best sentences of one document, the best first and the others in the document's order, within a chat
   * message's length. A sentence that introduces a list brings its items, as many as fit; one whose items do not
   * fit is left out, since "follows these steps:" alone says nothing.
   */
  private Optional<Composition.Part> part(AskedFor asked, List<Scored> ranked, int subjects, int reserved) {
    if (ranked.isEmpty()) {
      return Optional.empty();
    }
    List<Scored> own = scorer.factFirst(asked, ranked);
    Scored best = own.get(0);
    String label = names.label(best.documentId()) + ": ";
    // Each part of a comparison carries its label; the whole stays within a chat message.
    int budget = ((asked.list() ? MAX_LIST_CHARS : MAX_CHARS) - reserved) / subjects
        - (subjects > 1 ? label.length() + 2 : 0);
    int maxSentences = asked.list() ? MAX_LIST_SENTENCES : MAX_SENTENCES;
    List<QuotedUnit> chosen = new ArrayList<>();
    Set<Scored> used = new HashSet<>();
    List<String> said = new ArrayList<>();
    int length = 0;
    for (Scored sentence : own) {
      if (chosen.size() >= maxSentences || sentence.score() < scorer.keep() * best.score()) {
        break;
      }
      // In place of a best sentence too long for the message, only one as good at stating what is asked.
      if (used.contains(sentence) || chosen.isEmpty() && !facts(asked, sentence).containsAll(facts(asked, best))
          || Repeats.saidIn(sentence.text(), said)) {
        continue;
      }
      // An item of a list asked for is quoted in its list, from the introduction on, if the list fits so far.
      int room = budget - length - (chosen.isEmpty() ? 0 : 1);
      Optional<QuotedUnit> unit = (asked.list() ? QuotedUnit.introductionOf(sentence, own)
          .filter(i -> !used.contains(i)).flatMap(i -> QuotedUnit.of(i, own, used, room))
          .filter(list -> list.items().contains(sentence)) : Optional.<QuotedUnit>empty())
          .or(() -> QuotedUnit.of(sentence, own, used, room));
      if (unit.isPresent()) {
        said.add(sentence.text());
        chosen.add(unit.get());
        used.add(unit.get().head());
        used.addAll(unit.get().items());
        length += unit.get().length() + 1;
      }
    }
    if (chosen.isEmpty()) {
      // Nothing near the best fits: the best sentence alone, however long, rather than no answer.
      chosen.add(new QuotedUnit(best, List.of(), best.text().length()));
    }
    // The fact first, then what else helps, in the document's order.
    QuotedUnit first = chosen.get(0);
    chosen.sort(Comparator.comparing((QuotedUnit u) -> u != first).thenComparingInt(u -> u.head().passage())
        .thenComparingInt(u -> u.head().position()));
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Scored s = chosen.get(i).head();
      Scored before = i > 0 ? chosen.get(i - 1).head() : null;
      boolean follows = before != null && before.passage() == s.passage() && before.position() == s.position() - 1;
      sentences.add(s.pronounSubject() && !follows && subjects == 1 ? label + s.text() : s.text());
      sentences.addAll(chosen.get(i).lines());
    }
    // The fact quoted alone (in an answer in another language) is the first unit whole: a list's introduction
    // ("the procedure follows these steps:") says nothing without its items.
    return Optional.of(new Composition.Part(best.documentId(), sentences, first.inOneLine()));
  }

  /** The kinds of fact asked for that the sentence carries. */
  private static Set<AnswerKind> facts(AskedFor asked, Scored sentence) {
    Set<AnswerKind> facts = EnumSet.noneOf(AnswerKind.class);
    asked.kinds().stream().filter(kind -> kind.answeredBy(sentence.carried())).forEach(facts::add);
    return facts;
  }

  private String text(List<Composition.Part> parts, List<KnowledgeDocument> subjects) {
    if (parts.size() == 1) {
      return joined(parts.get(0).sentences());
    }
    Map<String, String> labelled = new LinkedHashMap<>();
    for (Composition.Part part : parts) {
      String label = names.label(part.documentId()) + ": ";
      String text = joined(part.sentences().stream()
          .map(s -> s.startsWith(label) ? s.substring(label.length()) : s).toList());
      labelled.put(part.documentId(), label + text);
    }
    return String.join("\n\n", labelled.values());
  }

  /** The sentences as prose, a list's items each on its line and what follows a list in a paragraph of its own. */
  private static String joined(List<String> sentences) {
    StringBuilder text = new StringBuilder();
    String before = null;
    for (String sentence : sentences) {
      if (before != null && !sentence.startsWith(LIST_ITEM)) {
        text.append(before.startsWith(LIST_ITEM) ? "\n\n" : " ");
      }
      text.append(sentence);
      before = sentence;
    }
    return text.toString();
  }

  private Composition notStated(AskedFor asked, KnowledgeDocument subject) {
    String text = notStated.apply(subject, asked.primary());
    return new Composition(text, List.of(new Composition.Part(subject.id(), List.of(), text)),
        Composition.Basis.NOT_STATED, "", false);
  }

  private static boolean serves(KnowledgeDocument document, Set<String> economies) {
    return economies.isEmpty()
        || document.economies().stream().anyMatch(e -> economies.contains(e) || e.equals("Global"));
  }
}
