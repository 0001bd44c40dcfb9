package org.greendesk.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.knowledge.KnowledgeProblem;

/**
 * What a reload of the knowledge did.
 *
 * @param index what the index rebuilt (passages, time taken)
 * @param knowledge the documents added, removed and changed since the knowledge served before, with the sections
 *     whose text changed
 * @param warnings what should be mended in the new knowledge but did not stop it, files named from the knowledge
 *     folder
 */
public record Reindexed(IndexChanges index, KnowledgeChanges knowledge, List<KnowledgeProblem> warnings) {

  public Reindexed {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(knowledge, "knowledge");
    warnings = List.copyOf(warnings);
  }

  /** Documents served after the reload. */
  public int documents() {
    return index.documents();
  }

  /**
   * For a person: a line with the totals, then a line per document added, changed (with its sections) or
   * removed, the count of those unchanged, and the warnings.
   */
  public String report() {
    StringBuilder text = new StringBuilder(knowledge.none() && !index.rebuilt()
        ? String.format(Locale.ROOT, "No document changed: %d documents, %d passages.", documents(), index.passages())
        : String.format(Locale.ROOT, "%s in %.1f s: %d documents, %d passages.",
            index.rebuilt() ? "Index built" : "Index refreshed", index.took().toMillis() / 1000.0, documents(),
            index.passages()));
    if (!knowledge.added().isEmpty()) {
      text.append(String.format(Locale.ROOT, "%n  added (%d): %s", knowledge.added().size(),
          String.join(", ", knowledge.added())));
    }
    if (!knowledge.changed().isEmpty()) {
      text.append(String.format(Locale.ROOT, "%n  changed (%d):", knowledge.changed().size()));
      for (KnowledgeChanges.ChangedDocument changed : knowledge.changed()) {
        text.append(String.format(Locale.ROOT, "%n    %s: %s", changed.id(), changed.sections().isEmpty()
            ? "front matter only" : "sections " + String.join(", ", changed.sections())));
      }
    }
    if (!knowledge.removed().isEmpty()) {
      text.append(String.format(Locale.ROOT, "%n  removed (%d): %s", knowledge.removed().size(),
          String.join(", ", knowledge.removed())));
    }
    int unchanged = documents() - knowledge.added().size() - knowledge.changed().size();
    text.append(String.format(Locale.ROOT, "%n  unchanged: %d", unchanged));
    warnings.forEach(w -> text.append(String.format(Locale.ROOT, "%n  warning: %s", w)));
    return text.toString();
  }
}
