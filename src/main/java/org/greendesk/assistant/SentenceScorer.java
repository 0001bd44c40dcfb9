package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.PassageKind;
import org.greendesk.search.DocumentHit;
import org.greendesk.search.SearchResult;
import org.jspecify.annotations.Nullable;

/**
 * Scores the sentences of a found document against a question, and curated questions against it: closeness in
 * meaning (the embeddings' cosine, from vectors the index keeps for every sentence), the question's focus words
 * shared (rare ones counting more), and whether the sentence carries the kind of fact asked for. Thread safe.
 */
public final class SentenceScorer {
  /** A focus word that is also one of the document's names tells little about which sentence answers. */
  private static final double NAME_WEIGHT = 0.25;
  private static final double OTHER_ECONOMY = 0.3;
  private static final double OWN_ECONOMY = 1.2;
  private static final double SUPERSEDED = 0.45;
  /** A sentence that spells out or defines the term a question asks about answers it, wherever it stands. */
  private static final double DEFINES = 2.0;

  private final PassageReader reader;
  private final Function<Passage, List<float[]>> vectors;
  private final DocumentNames names;
  private final AnswerWeights weights;
  private final Function<String, AnswerKind> kindAsked;
  private final Map<String, AnswerKind> pairKinds = new ConcurrentHashMap<>();

  /**
   * @param analyse the index's analysis of text into terms
   * @param idf how rare a term is in the passages
   * @param vectors a found passage's sentence vectors, as the index keeps them
   * @param kindAsked the kind of fact a question asks for first, as {@link AskedFor#primary()} reads it
   */
  public SentenceScorer(Function<String, List<String>> analyse, ToDoubleFunction<String> idf,
      Function<Passage, List<float[]>> vectors, EconomyLexicon economies, DocumentNames names, AnswerWeights weights,
      Function<String, AnswerKind> kindAsked) {
    this.reader = new PassageReader(analyse, idf, economies);
    this.vectors = vectors;
    this.names = names;
    this.weights = weights;
    this.kindAsked = kindAsked;
  }

  /**
   * Every sentence of the hit's passages that may be quoted for this question, scored, and the answers of its
   * curated pairs, each as one sentence scored by how close its questions come to the asked one.
   */
  List<Scored> sentences(AskedFor asked, SearchResult result, DocumentHit hit, double hitWeight,
      Set<String> questionEconomies) {
    KnowledgeDocument document = hit.document();
    Map<String, Double> focus = new HashMap<>();
    Set<String> named = names.terms(document.id());
    asked.focus().forEach(t -> focus.put(t, reader.idf(t) * (named.contains(t) ? NAME_WEIGHT : 1)));
    // A document for another economy than the one asked about answers only when nothing closer does...
    boolean elsewhere = !questionEconomies.isEmpty() && document.economies().stream()
        .noneMatch(e -> questionEconomies.contains(e) || e.equals("Global"));
    // ... and one for the economy asked about speaks more to it than one for everywhere.
    double own = document.economies().stream().anyMatch(questionEconomies::contains) ? OWN_ECONOMY : 1;
    Scoring scoring = new Scoring(asked, focus, focus.values().stream().mapToDouble(Double::doubleValue).sum(),
        asked.definitions(), document, questionEconomies, elsewhere, own * hitWeight);
    List<Scored> scored = new ArrayList<>();
    for (Passage passage : hit.passages()) {
      PassageReader.Read read = reader.read(passage);
      if (passage.kind() == PassageKind.QUESTION) {
        if (read.answer() != null && !asked.history() && asksOf(asked, read)) {
          scored.add(pairAnswer(scoring, result, passage, read, read.answer()));
        }
        continue;
      }
      if (passage.kind() == PassageKind.HISTORY && !asked.history()) {
        continue;
      }
      List<float[]> sentenceVectors = vectors.apply(passage);
      for (int i = 0; i < read.sentences().size(); i++) {
        PassageReader.Sentence sentence = read.sentences().get(i);
        if (sentence.text().endsWith(":") && !asked.list() || asked.otherQuarter(sentence.text())) {
          continue; // it introduces a list that would be cut off, or gives a value of another quarter
        }
        boolean opening = passage.ordinal() == 0 && i == 0;
        double meaning = i < sentenceVectors.size() ? meaning(result.sentenceVector(), sentenceVectors.get(i)) : 0;
        double words = words(scoring, sentence.terms(), read.heading());
        double score = score(scoring, sentence, meaning, words, opening, passage.heading());
        scored.add(new Scored(document.id(), passage.ordinal(), i, sentence.line(), sentence.text(), score, meaning,
            words, sentence.carried(), sentence.pronounSubject()));
      }
    }
    return asked.primary() == AnswerKind.STEPS || asked.primary() == AnswerKind.DOCUMENTS ? listsByItems(scored)
        : scored;
  }

  /**
   * A curated answer as a sentence: close in meaning as its closest question is to the asked one (both embedded
   * by the search's model, their shared words counted in), sharing focus words as a sentence does. It stands
   * alone, naming its subject, so it may open an answer from its document however it is worded.
   */
  private Scored pairAnswer(Scoring scoring, SearchResult result, Passage pair, PassageReader.Read read,
      PassageReader.Sentence answer) {
    List<float[]> questionVectors = vectors.apply(pair);
    double match = 0;
    for (int i = 0; i < read.sentences().size() && i < questionVectors.size(); i++) {
      match = Math.max(match, questionMatch(scoring.asked().focus(), result, questionVectors.get(i),
          read.sentences().get(i)));
    }
    double meaning = scaled(match, weights.pairUnrelated(), weights.pairRelated());
    double words = words(scoring, answer.terms(), read.heading());
    double score = weights.pairAnswer() * score(scoring, answer, meaning, words, false, "");
    return new Scored(scoring.document().id(), pair.ordinal(), 0, 0, answer.text(), score, meaning, words,
        answer.carried(), false);
  }

  /**
   * True when one of the pair's questions asks for a kind of fact asked for (or either asks for nothing more
   * specific than what something is), and for the amount the question names if it names one: an answer on when a
   * report is due does not say what goes into it, nor one on the penalty what the price is, though it mentions the
   * price the penalty is a multiple of.
   */
  private boolean asksOf(AskedFor asked, PassageReader.Read pair) {
    return pair.sentences().stream().anyMatch(q -> asksKind(asked, pairKind(q))
        && (asked.factWords().isEmpty() || asked.factWords().foundIn(q.text())));
  }

  /** The kind of fact a curated question asks for, read once: reading it runs every cue list over the question. */
  private AnswerKind pairKind(PassageReader.Sentence question) {
    return pairKinds.computeIfAbsent(question.text(), kindAsked);
  }

  /** A curated question's closeness to the asked one: the embeddings' cosine plus the rare words they share. */
  private double questionMatch(List<String> asked, SearchResult result, float[] vector,
      PassageReader.Sentence question) {
    return cosine(result.queryVector(), vector) + weights.pairWords() * overlap(asked, question.terms());
  }

  private static boolean asksKind(AskedFor asked, AnswerKind pair) {
    return asked.wants(pair) || !asked.primary().specific() || !pair.specific();
  }

  /** What scores every sentence of one document for one question. */
  private record Scoring(AskedFor asked, Map<String, Double> focus, double focusWeight, Predicate<String> defines,
      KnowledgeDocument document, Set<String> questionEconomies, boolean elsewhere, double documentWeight) {}

  private static double words(Scoring scoring, Set<String> terms, Set<String> heading) {
    return scoring.focusWeight() == 0 ? 0 : shared(scoring.focus(), terms, heading) / scoring.focusWeight();
  }

  private double score(Scoring scoring, PassageReader.Sentence sentence, double meaning, double words,
      boolean opening, String heading) {
    AskedFor asked = scoring.asked();
    boolean general = asked.primary() == AnswerKind.DEFINITION || asked.primary() == AnswerKind.GENERAL;
    double score = weights.meaning() * meaning + weights.words() * words
        + weights.kind() * kindScore(asked, sentence.carried(), opening) + (general && opening ? weights.lead() : 0);
    if (scoring.defines().test(sentence.text())) {
      score *= DEFINES;
    }
    if (asked.primary().checkable() && !asked.primary().answeredBy(sentence.carried())) {
      score *= weights.otherKind();
    }
    if (asked.smallFirm().foundIn(sentence.text()) || asked.smallFirm().foundIn(heading)) {
      score *= weights.smallFirm();
    }
    if (!asked.history() && sentence.superseded()) {
      score *= SUPERSEDED;
    }
    if (scoring.elsewhere()
        || aboutAnotherEconomy(sentence.economies(), scoring.document(), scoring.questionEconomies())) {
      score *= OTHER_ECONOMY;
    }
    return score * scoring.documentWeight();
  }

  /**
   * For steps or documents asked for, a list's introduction scored as its best item when that is better: "To
   * apply:" says little by itself, its items say what was asked, and the two are quoted together.
   */
  private static List<Scored> listsByItems(List<Scored> scored) {
    List<Scored> rescored = new ArrayList<>(scored.size());
    for (Scored intro : scored) {
      double items = !intro.introducesList() ? 0 : scored.stream()
          .filter(s -> s.passage() == intro.passage() && s.line() > intro.line()
              && s.line() <= intro.line() + QuotedUnit.MAX_LIST_ITEMS)
          .mapToDouble(Scored::score).max().orElse(0);
      rescored.add(items <= intro.score() ? intro : new Scored(intro.documentId(), intro.passage(),
          intro.position(), intro.line(), intro.text(), items, intro.meaning(), intro.words(), intro.carried(),
          intro.pronounSubject()));
    }
    return rescored;
  }

  /** True when the sentence carries the kind of fact asked for and is about what was asked. */
  boolean states(AskedFor asked, Scored sentence) {
    return asked.primary().answeredBy(sentence.carried()) && asked.names(sentence.text())
        && (sentence.meaning() >= weights.statedMeaning() || sentence.words() >= weights.statedWords());
  }

  /**
   * How closely a curated pair's questions match the asked one: above 0 when one that asks for the same kind of
   * fact matches closely enough for its answer to be given outright, else 0. Numbers count: a pair on "10-100
   * tonnes" does not answer a question on "5 t" when another pair might.
   *
   * @param kind the kind of fact the question asks for first
   */
  double pairMatch(String question, SearchResult result, Passage pair, AnswerKind kind) {
    List<String> asked = reader.terms(question);
    List<float[]> questionVectors = vectors.apply(pair);
    List<PassageReader.Sentence> questions = reader.read(pair).sentences();
    List<String> askedNumbers = FactSignals.numbers(question);
    List<String> pairNumbers = FactSignals.numbers(pair.text());
    long sharedNumbers = askedNumbers.stream().filter(pairNumbers::contains).count();
    if (!askedNumbers.isEmpty() && !pairNumbers.isEmpty() && sharedNumbers == 0) {
      return 0;
    }
    double best = 0;
    for (int i = 0; i < questions.size() && i < questionVectors.size(); i++) {
      double match = questionMatch(asked, result, questionVectors.get(i), questions.get(i));
      if (match >= weights.pairMatch() && pairKind(questions.get(i)) == kind) {
        best = Math.max(best, match + 0.1 * sharedNumbers);
      }
    }
    return best;
  }

  /**
   * The sentences with the best one that states the fact asked for first, when the best of all does not and it
   * scores well enough to be quoted beside it: "Who runs the loans?" is answered by who runs them, not by what
   * they are, however close the latter's words.
   */
  List<Scored> factFirst(AskedFor asked, List<Scored> ranked) {
    Scored top = ranked.get(0);
    AnswerKind kind = asked.primary();
    if (kind == AnswerKind.GENERAL || kind == AnswerKind.DEFINITION || states(asked, top)) {
      return ranked;
    }
    return ranked.stream().filter(s -> s.score() >= keep() * top.score() && states(asked, s))
        .findFirst().map(s -> {
          List<Scored> reordered = new ArrayList<>(ranked);
          reordered.remove(s);
          reordered.add(0, s);
          return reordered;
        }).orElse(ranked);
  }

  double keep() {
    return weights.keep();
  }

  private double kindScore(AskedFor asked, Set<AnswerKind> carried, boolean opening) {
    if (asked.primary().answeredBy(carried)) {
      return 1;
    }
    if (asked.kinds().stream().anyMatch(carried::contains)) {
      return 0.5;
    }
    return asked.primary() == AnswerKind.DEFINITION && opening ? 1 : 0;
  }

  /** It names economies, none of them asked about, and one of them not the document's own. */
  private static boolean aboutAnotherEconomy(Set<String> named, KnowledgeDocument document,
      Set<String> questionEconomies) {
    return !questionEconomies.isEmpty() && !named.isEmpty() && named.stream().noneMatch(questionEconomies::contains)
        && named.stream().anyMatch(e -> !document.economies().contains(e));
  }

  private static double shared(Map<String, Double> focus, Set<String> words, Set<String> heading) {
    return focus.entrySet().stream().mapToDouble(e -> words.contains(e.getKey()) ? e.getValue()
        : heading.contains(e.getKey()) ? 0.5 * e.getValue() : 0).sum();
  }

  /** The share of both texts' rare words that they have in common (an F1 over idf weights). */
  private double overlap(List<String> a, Set<String> right) {
    Set<String> left = new HashSet<>(a);
    double shared = left.stream().filter(right::contains).mapToDouble(reader::idf).sum();
    double total = left.stream().mapToDouble(reader::idf).sum() + right.stream().mapToDouble(reader::idf).sum();
    return total == 0 ? 0 : 2 * shared / total;
  }

  /** Closeness in meaning, from 0 (unrelated) to 1 (as close as an answer usually is). */
  private double meaning(float @Nullable [] question, float[] sentence) {
    return scaled(cosine(question, sentence), weights.unrelated(), weights.related());
  }

  private static double scaled(double cosine, double unrelated, double related) {
    return Math.max(0, Math.min(1, (cosine - unrelated) / (related - unrelated)));
  }

  private static double cosine(float @Nullable [] a, float[] b) {
    if (a == null || a.length != b.length) {
      return 0;
    }
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }
}
