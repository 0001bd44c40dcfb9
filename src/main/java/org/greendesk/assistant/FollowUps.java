package org.greendesk.assistant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.greendesk.knowledge.EconomyLexicon;

/**
 * Understands a follow-up question without a language model, by carrying the previous turn's subject into the
 * search: "does it apply to shoes?" after a question on REACH searches REACH and shoes; "and what about Korea?"
 * after one on Singapore's carbon tax searches the carbon tax question with Korea in place of Singapore.
 */
final class FollowUps {
  private static final int MAX_FOLLOW_UP_TERMS = 6;

  private final Phrases markers;
  private final EconomyLexicon economies;

  FollowUps(Phrases markers, EconomyLexicon economies) {
    this.markers = markers;
    this.economies = economies;
  }

  /**
   * The question to search for and the economies it is about, given the previous turn, if any.
   *
   * @param message the SME's message, in whatever language
   * @param question the message in English words: the message itself, or what its words mean in English
   */
  Standalone resolve(String message, String question, List<String> questionTerms, List<Turn> history) {
    Set<String> named = economies.find(question);
    if (history.isEmpty() || !isFollowUp(message, question, questionTerms, named)) {
      return new Standalone(question, named, false);
    }
    Turn previous = history.get(history.size() - 1);
    if (previous.answer().sources().isEmpty()) {
      return new Standalone(question, named, false);
    }
    Set<String> about = new LinkedHashSet<>(named.isEmpty() ? previous.economies() : named);
    boolean switched = !named.isEmpty() && !named.equals(previous.economies());
    if (switched && asksNothingElse(question)) {
      // "And what about Korea?": the same question, about Korea.
      return new Standalone(economies.moveTo(previous.query(), named.iterator().next()), about, true);
    }
    String carried = named.isEmpty() ? previous.query() : economies.strip(previous.query());
    return new Standalone(carried.strip() + " " + question, about, switched);
  }

  /**
   * The language model's standalone version of the question in place of the offline one: it searches for the
   * rewritten text, about the economies it names (or those the offline reading found, if it names none).
   */
  Standalone rewritten(Standalone offline, String rewritten) {
    Set<String> named = economies.find(rewritten);
    return new Standalone(rewritten, named.isEmpty() ? offline.economies() : named, offline.economySwitched());
  }

  /** True when the follow-up holds nothing but its markers and an economy. */
  private boolean asksNothingElse(String question) {
    return markers.removeFrom(economies.strip(question)).replaceAll("[^\\p{L}\\p{N}]+", "").isEmpty();
  }

  private boolean isFollowUp(String message, String question, List<String> terms, Set<String> named) {
    if (terms.size() > MAX_FOLLOW_UP_TERMS) {
      return false;
    }
    String rest = economies.strip(question).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return markers.foundIn(message) || markers.foundIn(question) || (!named.isEmpty() && rest.split(" ").length <= 3);
  }

  /**
   * @param economies the economies to favour: those named now, or those carried from the previous turn
   * @param economySwitched the follow-up moves the conversation to another economy ("and in Korea?"): only its
   *     documents are wanted
   */
  record Standalone(String query, Set<String> economies, boolean economySwitched) {
    Standalone {
      economies = Set.copyOf(economies);
    }
  }
}
