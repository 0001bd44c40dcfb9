package org.greendesk.follow;

import java.io.IOException;
import java.util.function.Supplier;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.search.Reindexed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reload of the knowledge that then tells the followers of what changed ({@link ChangeNotices}). Whichever way
 * staff reload (Slack, the API), followers hear of it. A failure to tell them does not fail the reload, which has
 * happened: it is logged. One reload at a time, so the knowledge before is the one the reload replaced.
 */
public final class TellingReload implements KnowledgeReload {
  private static final Logger LOG = LoggerFactory.getLogger(TellingReload.class);
  private final KnowledgeReload reload;
  private final Supplier<KnowledgeBase> knowledge;
  private final ChangeNotices notices;

  /** @param knowledge the knowledge served, which the reload replaces */
  public TellingReload(KnowledgeReload reload, Supplier<KnowledgeBase> knowledge, ChangeNotices notices) {
    this.reload = reload;
    this.knowledge = knowledge;
    this.notices = notices;
  }

  @Override
  public synchronized Reindexed reload() throws KnowledgeFormatException, IOException {
    KnowledgeBase before = knowledge.get();
    Reindexed reindexed = reload.reload();
    try {
      notices.tell(reindexed.knowledge(), before, knowledge.get());
    } catch (RuntimeException e) {
      LOG.warn("followers not told of the reload's changes: {}", e.toString());
    }
    return reindexed;
  }
}
