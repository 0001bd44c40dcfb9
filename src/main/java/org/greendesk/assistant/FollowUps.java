package org.greendesk.assistant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.greendesk.knowledge.EconomyLexicon;
import org.greendesk.knowledge.KnowledgeDocument;
import org.jspecify.annotations.Nullable;

/**
 * Understands a follow-up question without a language model, by carrying the previous turn's subject (its question
 * and the title of the document that answered it) into the search: "does it apply to shoes?" after a question on
 * REACH searches REACH and shoes; "and what about Korea?" after one on Singapore's Energy Efficiency Grant searches
 * for an energy efficiency grant in Korea. A message in another language that names no document and says little
 * (a word or two once its words are read in English, "한국에도 비슷한 거 있어요?") is taken as a follow-up too,
 * since the English markers ("and what about", "it") cannot be seen in it.
 */
final class FollowUps {
  private static final int MAX_FOLLOW_UP_TERMS = 6;
  /** A message in another language with no more English terms than this, naming no document, follows up. */
  private static final int MAX_LOCAL_FOLLOW_UP_TERMS = 2;

  private final Phrases markers;
  private final Phrases asksLikeOf;
  private final EconomyLexicon economies;
  private final Map<String, KnowledgeDocument> documents;
  private final DocumentNames names;

  /**
   * @param documents the knowledge base's documents by id, to read what an earlier answer was drawn from
   * @param names the documents' names, to tell a message that brings up another document
   */
  FollowUps(Phrases markers, Phrases asksLikeOf, EconomyLexicon economies, Map<String, KnowledgeDocument> documents,
      DocumentNames names) {
    this.markers = markers;
    this.asksLikeOf = asksLikeOf;
    this.economies = economies;
    this.documents = documents;
    this.names = names;
  }

  /**
   * The question to search for and the economies it is about, given the previous turn, if any.
   *
   * @param message the SME's message, in whatever language
   * @param question the message in English words: the message itself, or what its words mean in English
   * @param local a message in another language, the question being what its words mean in English
   */
  Standalone resolve(String message, String question, List<String> questionTerms, List<Turn> history,
      boolean local) {
    Set<String> named = economies.find(question);
    Turn previous = history.isEmpty() ? null : history.get(history.size() - 1);
    if (previous == null || previous.answer().sources().isEmpty()) {
      return new Standalone(question, named, false, null);
    }
    String answeredId = previous.answer().sources().get(0).id();
    // A message that calls another document by its name has a subject of its own.
    boolean newSubject = names.namesAnother(economies.strip(question), answeredId);
    if (newSubject || !isFollowUp(message, question, questionTerms, named, local)) {
      return new Standalone(question, named, false, null);
    }
    KnowledgeDocument answered = documents.get(answeredId);
    Set<String> about = new LinkedHashSet<>(named.isEmpty() ? previous.economies() : named);
    boolean switched = !named.isEmpty() && !named.equals(previous.economies());
    String subject = previous.query() + (answered == null ? "" : " " + answered.title());
    // In another economy, the same kind of document is wanted: a grant for a grant, a research centre for one.
    String category = switched && answered != null ? answered.category() : null;
    if (switched && asksNothingElse(question)) {
      // "And what about Korea?": the same question, about Korea.
      return new Standalone(economies.moveTo(subject, named.iterator().next()), about, true, category);
    }
    // "Something similar in Japan?": the answer's title names a programme of the old economy; what it is about
    // finds its like in the new one.
    boolean likeOf = switched && answered != null && (asksLikeOf.foundIn(message) || asksLikeOf.foundIn(question));
    String carried = named.isEmpty() ? subject
        : economies.strip(likeOf ? previous.query() + " " + String.join(" ", answered.topics()) : subject);
    return new Standalone(carried.strip() + " " + question, about, switched, category);
  }

  /**
   * The language model's standalone version of the question in place of the offline one: it searches for the
   * rewritten text, about the economies it names (or those the offline reading found, if it names none).
   */
  Standalone rewritten(Standalone offline, String rewritten) {
    Set<String> named = economies.find(rewritten);
    return new Standalone(rewritten, named.isEmpty() ? offline.economies() : named, offline.economySwitched(),
        offline.category());
  }

  /** True when the follow-up holds nothing but its markers and an economy. */
  private boolean asksNothingElse(String question) {
    return markers.removeFrom(economies.strip(question)).replaceAll("[^\\p{L}\\p{N}]+", "").isEmpty();
  }

  private boolean isFollowUp(String message, String question, List<String> terms, Set<String> named, boolean local) {
    if (terms.size() > MAX_FOLLOW_UP_TERMS) {
      return false;
    }
    if (local && terms.size() <= MAX_LOCAL_FOLLOW_UP_TERMS) {
      return true;
    }
    String rest = economies.strip(question).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return markers.foundIn(message) || markers.foundIn(question) || (!named.isEmpty() && rest.split(" ").length <= 3);
  }

  /**
   * @param economies the economies to favour: those named now, or those carried from the previous turn
   * @param economySwitched the follow-up moves the conversation to another economy ("and in Korea?"): only its
   *     documents are wanted
   * @param category the kind of document the conversation was about, favoured in another economy; or {@code null}
   */
  record Standalone(String query, Set<String> economies, boolean economySwitched, @Nullable String category) {
    Standalone {
      economies = Set.copyOf(economies);
    }
  }
}
