package org.greendesk.delivery;

import java.util.ArrayList;
import java.util.List;

/** An advisor desk that records what it was given. */
public final class RecordingDesk implements AdvisorDesk {
  private final List<DeskMessage> delivered = new ArrayList<>();

  @Override
  public synchronized void deliver(DeskMessage message) {
    delivered.add(message);
  }

  public synchronized List<DeskMessage> delivered() {
    return List.copyOf(delivered);
  }

  public synchronized List<String> relayed(long escalationId) {
    return delivered.stream()
        .filter(m -> m.kind() == DeskMessage.Kind.RELAY && m.escalationId() == escalationId)
        .map(DeskMessage::text).toList();
  }
}
