package org.greendesk.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the knowledge folder says in one language ({@code languages/<code>.yaml}): each document's local names and
 * a short summary, and a glossary from the language's words to English search terms.
 *
 * @param code ISO 639-1
 * @param documents by document id; a document the file leaves out has no entry
 * @param glossary a word or phrase as SMEs write it, to the English terms to search for
 */
public record LanguagePack(String code, String name, Map<String, Local> documents, Map<String, List<String>> glossary) {

  public LanguagePack {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    documents = Map.copyOf(documents);
    glossary = Map.copyOf(glossary);
  }

  /**
   * A document in this language.
   *
   * @param names its local names and the words people type for it
   * @param summary one or two sentences for an SME: what it is, whom it concerns, the key date or amount
   */
  public record Local(List<String> names, String summary) {
    public Local {
      names = List.copyOf(names);
      Objects.requireNonNull(summary, "summary");
    }
  }

  public Optional<Local> document(String id) {
    return Optional.ofNullable(documents.get(id));
  }
}
