package org.greendesk.search;

import java.time.Duration;
import java.util.List;

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
}
