package org.greendesk.channel.slack;

import java.io.IOException;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.search.IndexChanges;

/** Reloads the knowledge folder into the running service ({@code /greendesk reindex}). */
@FunctionalInterface
public interface KnowledgeReload {

  /**
   * @return what changed in the index
   * @throws KnowledgeFormatException when a file is broken: the knowledge served before stays in place
   */
  IndexChanges reload() throws KnowledgeFormatException, IOException;
}
