package org.greendesk.search;

import java.io.IOException;
import org.greendesk.knowledge.KnowledgeFormatException;

/**
 * Reloads the knowledge folder into the running service, for staff ({@code /greendesk reindex} in Slack,
 * {@code POST /api/reindex}). One reload runs at a time; questions asked meanwhile are answered from the old
 * knowledge.
 */
@FunctionalInterface
public interface KnowledgeReload {

  /**
   * @return what changed, by document and section
   * @throws KnowledgeFormatException when a file is broken, its problems named from the knowledge folder: the
   *     knowledge served before stays in place
   */
  Reindexed reload() throws KnowledgeFormatException, IOException;
}
