package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.messages.Messages;
import org.greendesk.search.Retriever;

/**
 * The text an SME reads, in its language. In English, the composed answer. In another language, offline: the
 * local summary of the document quoted (what it is, whom it concerns, the key date), then the sentence that
 * carries the fact asked for, quoted from the English source with its number or date, each document in a part of
 * its own; or, when the documents lack the fact, the catalogue's sentence that says so. A document with no summary
 * in the language is answered in English with a note. An answer drawn from a document overdue for its check says
 * when its facts were last checked. Thread safe.
 */
final class LocalAnswer {
  /** The sentence that says a document lacks the kind of fact asked for, in a language. */
  @FunctionalInterface
  interface NotStated {
    String sentence(Language language, KnowledgeDocument document, AnswerKind kind);
  }

  private final Retriever retriever;
  private final Messages messages;
  private final DocumentNames names;
  private final NotStated notStated;
  private final ReviewNote review;

  LocalAnswer(Retriever retriever, Messages messages, DocumentNames names, NotStated notStated, ReviewNote review) {
    this.retriever = retriever;
    this.messages = messages;
    this.names = names;
    this.notStated = notStated;
    this.review = review;
  }

  /**
   * @param weak the answer may not be what was asked: it is said first
   * @return the answer, followed by when its facts were last checked if a document quoted is overdue for a check
   */
  String text(Language language, Composition composition, boolean weak, AskedFor asked) {
    Map<String, KnowledgeDocument> byId = retriever.knowledgeBase().byId();
    List<KnowledgeDocument> quoted = composition.documentIds().stream().map(byId::get).toList();
    return review.appendTo(body(language, composition, weak, asked), quoted, language.code());
  }

  private String body(Language language, Composition composition, boolean weak, AskedFor asked) {
    String lang = language.code();
    Optional<String> local = language.isEnglish() ? Optional.empty() : inLanguage(language, composition, asked);
    String text;
    if (local.isPresent()) {
      text = local.get();
    } else {
      String english = names.withTitles(composition.text());
      text = language.isEnglish() ? english : messages.text(lang, "english_only") + "\n\n" + english;
    }
    if (!composition.stated()) {
      return text + " " + messages.text(lang, "advisor_offer");
    }
    return weak ? messages.text(lang, "weak_match") + "\n\n" + text : text;
  }

  /** Each part as its document's summary and the fact quoted; empty when a document quoted has no summary. */
  private Optional<String> inLanguage(Language language, Composition composition, AskedFor asked) {
    if (composition.basis() == Composition.Basis.NOT_STATED) {
      KnowledgeDocument document = retriever.knowledgeBase().byId().get(composition.documentIds().get(0));
      return Optional.of(notStated.sentence(language, document, asked.primary()));
    }
    String says = messages.text(language.code(), "source_says");
    if (composition.parts().size() == 1) {
      Composition.Part part = composition.parts().get(0);
      return retriever.summary(language.code(), part.documentId())
          .map(summary -> summary + "\n\n" + says + " \"" + names.withTitles(part.fact()) + "\"");
    }
    // A comparison: each document's local name and its fact, to stay within a chat message.
    List<String> parts = new ArrayList<>();
    for (Composition.Part part : composition.parts()) {
      Optional<String> name = retriever.localName(language.code(), part.documentId());
      if (name.isEmpty()) {
        return Optional.empty();
      }
      parts.add("- " + name.get() + ": \"" + names.withTitles(part.fact()) + "\"");
    }
    return Optional.of(says + "\n" + String.join("\n", parts));
  }
}
