package org.greendesk.knowledge;

import java.util.Objects;

/**
 * A retrievable piece of a document: one section, or part of a long one.
 *
 * @param id {@code documentId#ordinal}, stable while the document's sections stay in place
 * @param heading the section heading; empty for the text before the first heading
 * @param text plain text, Markdown markup removed, one line per paragraph or list item
 */
public record Passage(String id, String documentId, int ordinal, String heading, String text) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(text, "text");
  }
}
