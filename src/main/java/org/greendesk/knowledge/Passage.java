package org.greendesk.knowledge;

import java.util.Objects;

/**
 * A retrievable piece of a document: one section, part of a long one, or one curated question-and-answer pair.
 *
 * @param id {@code documentId#ordinal}, stable while the document's sections stay in place
 * @param heading the section heading; empty for the text before the first heading
 * @param text plain text, Markdown markup removed, one line per paragraph or list item; for a
 *     {@link PassageKind#QUESTION} pair, its {@code Q:} lines then its {@code A:} line
 */
public record Passage(String id, String documentId, int ordinal, String heading, String text, PassageKind kind) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  /** A passage of facts in force. */
  public Passage(String id, String documentId, int ordinal, String heading, String text) {
    this(id, documentId, ordinal, heading, text, PassageKind.TEXT);
  }
}
