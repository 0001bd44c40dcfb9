package org.greendesk.search;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a refresh of the index did, by document id.
 *
 * @param rebuilt true when the whole index was rebuilt (first build, new embedding model, new index format)
 */
public record IndexChanges(
    List<String> added, List<String> changed, List<String> removed, int unchanged, int passages, boolean rebuilt,
    Duration took) {

  public IndexChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  public boolean nothingChanged() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && !rebuilt;
  }

  /** Documents in the base after the sync. */
  public int documents() {
    return added.size() + changed.size() + unchanged;
  }

  /** What changed, for a person: a first line with the totals, then a line per kind of change. */
  public String report() {
    if (nothingChanged()) {
      return String.format(Locale.ROOT, "Index up to date: %d documents, %d passages; nothing changed.",
          documents(), passages);
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s in %.1f s: %d documents, %d passages.",
        rebuilt ? "Index built" : "Index refreshed", took.toMillis() / 1000.0, documents(), passages));
    if (!rebuilt) {
      line(text, "added", added);
    }
    line(text, "changed", changed);
    line(text, "removed", removed);
    text.append(String.format(Locale.ROOT, "%n  unchanged: %d", unchanged));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, List<String> ids) {
    if (!ids.isEmpty()) {
      text.append(String.format(Locale.ROOT, "%n  %s (%d): %s", label, ids.size(), String.join(", ", ids)));
    }
  }
}
