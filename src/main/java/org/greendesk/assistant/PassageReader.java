package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.Passage;
import org.greendesk.knowledge.QuestionPair;
import org.greendesk.knowledge.Sentences;
import org.jspecify.annotations.Nullable;

/**
 * What the composer needs to know of a passage whatever the question (its sentences, their words, the kinds of
 * fact they carry, the economies they name), worked out once per passage and then kept, with the rarity of each
 * word: analysing a few hundred sentences for every question was most of an answer's time. One per assistant, so
 * what it keeps goes with the knowledge it was read from. Thread safe.
 */
final class PassageReader {
  private static final Pattern PRONOUN_START = Pattern.compile("^(?:It|Its|It's|This|These|They|Their|That|Those|"
      + "Such|Both|The (?:scheme|programme|program|grant|tax|law|act|regulation|directive|rule|rules|fund|loan|"
      + "system))\\b");
  /** Words that mark a rule as replaced or a date as superseded, in English prose. */
  private static final Pattern SUPERSEDED = Pattern.compile("\\b(?:original(?:ly)?|postponed|postponement|"
      + "previously|formerly|former|initially|was (?:due|set|planned|scheduled)|were (?:due|set|planned|scheduled)|"
      + "replaced|repealed|no longer|used to|until it was|before (?:the|its) (?:amendment|postponement|change))\\b",
      Pattern.CASE_INSENSITIVE);

  private final Function<String, List<String>> analyse;
  private final ToDoubleFunction<String> idf;
  private final EconomyLexicon economies;
  private final Map<String, Read> passages = new ConcurrentHashMap<>();
  private final Map<String, Double> rarity = new ConcurrentHashMap<>();

  PassageReader(Function<String, List<String>> analyse, ToDoubleFunction<String> idf, EconomyLexicon economies) {
    this.analyse = analyse;
    this.idf = idf;
    this.economies = economies;
  }

  /**
   * A sentence of a passage.
   *
   * @param line the passage's line it is on: a paragraph, or an item of a list
   * @param terms its words as the index analyses them
   * @param pronounSubject it opens with "It", "This", "They"...: quoted alone, it needs its document named
   * @param superseded it speaks of a replaced rule or a superseded date
   * @param economies the economies it names
   */
  record Sentence(String text, int line, Set<String> terms, Set<AnswerKind> carried, boolean pronounSubject,
      boolean superseded, Set<String> economies) {}

  /**
   * A passage read: its sentences (for a pair, its questions), the words of its heading, and for a pair its
   * answer, as one sentence.
   */
  record Read(List<Sentence> sentences, Set<String> heading, @Nullable Sentence answer) {}

  Read read(Passage passage) {
    return passages.computeIfAbsent(passage.id(), id -> readNow(passage));
  }

  /** How rare a word is in the passages, for weighting it. */
  double idf(String term) {
    return rarity.computeIfAbsent(term, idf::applyAsDouble);
  }

  List<String> terms(String text) {
    return analyse.apply(text);
  }

  private Read readNow(Passage passage) {
    List<Sentence> sentences = new ArrayList<>();
    Sentence answer = null;
    if (passage.kind() == org.greendesk.knowledge.PassageKind.QUESTION) {
      QuestionPair pair = QuestionPair.parse(passage.text());
      for (String question : pair.questions()) {
        sentences.add(sentence(question, 0));
      }
      answer = sentence(pair.answer(), 0);
    } else {
      List<String> lines = passage.text().lines().toList();
      for (int line = 0; line < lines.size(); line++) {
        // Cut line by line, which gives the sentences Sentences.of(text) gives, in the same order.
        for (String text : Sentences.of(lines.get(line))) {
          sentences.add(sentence(text, line));
        }
      }
    }
    return new Read(List.copyOf(sentences), Set.copyOf(analyse.apply(passage.heading())), answer);
  }

  private Sentence sentence(String text, int line) {
    return new Sentence(text, line, Set.copyOf(analyse.apply(text)), FactSignals.of(text),
        PRONOUN_START.matcher(text).find(), SUPERSEDED.matcher(text).find(), economies.find(text));
  }
}
