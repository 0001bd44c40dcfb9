package org.greendesk.handoff;

import java.util.Optional;

/** What the SME said about itself with {@code /profile}, on one line, for the advisor's brief. */
@FunctionalInterface
public interface SmeProfiles {
  /** For a desk that keeps no profiles. */
  SmeProfiles NONE = conversationId -> Optional.empty();

  /** The profile of the conversation's SME; empty when they gave none. */
  Optional<String> line(long conversationId);
}
