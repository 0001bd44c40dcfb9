package org.greendesk.follow;

import java.time.LocalDate;
import java.util.List;
import org.greendesk.knowledge.KnowledgeBase;

/** Where the dates that concern SMEs come from: what they follow, their profile's check. */
@FunctionalInterface
public interface Concerns {
  /** A dated item for an SME. */
  record Concern(long smeId, DatedItem item) {}

  /** Every SME's dated items on or after {@code today}, in any order; an item may come twice. */
  List<Concern> all(KnowledgeBase knowledge, LocalDate today);
}
