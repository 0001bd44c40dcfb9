package org.greendesk.follow;

import java.util.List;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.store.Jdbc;

/** The recipients as the service finds them: through the conversations' store on the same database. */
final class StoredRecipients {
  private StoredRecipients() {}

  static Recipients on(Jdbc jdbc) {
    ConversationStore conversations = new ConversationStore(jdbc, List.of());
    return sme -> conversations.reachable(sme).map(c -> new Recipients.Recipient(sme, c.id(), c.channel(),
        c.chatId(), c.language() == null ? "en" : c.language()));
  }
}
