package org.greendesk.assistant;

import java.util.List;
import java.util.Objects;

/**
 * An answer composed offline from the documents found.
 *
 * @param text what the SME reads, before the sources
 * @param parts what was quoted from each document, in the order shown; empty when nothing was
 * @param basis how the text was made
 * @param fact the stretch of text that carries the date, amount or quantity asked for ("30 September 2027"), which
 *     any rewording of the answer must keep; empty when none was asked for or none is stated
 * @param stated false when the text lacks the fact asked for: the documents do not hold it, or say it is not known
 *     yet ("the 2027 dates have not been announced")
 */
public record Composition(String text, List<Part> parts, Basis basis, String fact, boolean stated) {

  public Composition {
    Objects.requireNonNull(text, "text");
    parts = List.copyOf(parts);
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(fact, "fact");
  }

  /** How an answer was made. */
  public enum Basis {
    /** A curated question-and-answer pair matched the question. */
    PAIR,
    /** Sentences of the documents that carry the kind of fact asked for, or any fact when none was asked for. */
    SENTENCES,
    /** The documents found do not state the kind of fact asked for: the text says so, with the source. */
    NOT_STATED
  }

  /**
   * What an answer quotes from one document.
   *
   * @param sentences the sentences quoted, in the document's order; a pair's answer alone for {@link Basis#PAIR}
   * @param fact the sentence that carries the fact asked for, or the first one when none was asked for
   */
  public record Part(String documentId, List<String> sentences, String fact) {
    public Part {
      Objects.requireNonNull(documentId, "documentId");
      sentences = List.copyOf(sentences);
      Objects.requireNonNull(fact, "fact");
    }
  }

  /** The documents quoted, in order. */
  public List<String> documentIds() {
    return parts.stream().map(Part::documentId).distinct().toList();
  }

}
