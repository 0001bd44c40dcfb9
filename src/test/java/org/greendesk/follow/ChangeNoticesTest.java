package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.delivery.Doorbell;
import org.greendesk.delivery.Outbox;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.store.Database;
import org.greendesk.store.Jdbc;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeNoticesTest {
  @TempDir Path data;
  @TempDir Path before;
  @TempDir Path after;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Database database;
  private Jdbc jdbc;
  private Follows follows;
  private KnowledgeBase served;

  @BeforeEach
  void open() {
    served = SmallKnowledge.load(before, "Declarations are due by 31 May.");
    database = Database.open(null, null, null, data);
    jdbc = database.jdbc();
    follows = Follows.on(jdbc, StoredRecipients.on(jdbc), () -> served, new Outbox(jdbc, new Doorbell()),
        ShippedPrompts.messages(), clock,
        List.of());
  }

  @AfterEach
  void close() {
    database.close();
  }

  private long chat(String chatId, String follow) {
    long id = new ConversationStore(jdbc, List.of()).conversation("telegram", chatId, null, clock.instant()).id();
    if (!follow.isEmpty()) {
      follows.commands().follow(id, follow, Optional.empty(), "en");
    }
    return id;
  }

  private List<String> outbox(String chatId) {
    return jdbc.query("SELECT payload FROM outbox WHERE recipient = ? ORDER BY id", row -> row.getString(1), chatId);
  }

  private int reload(String deadlines) {
    KnowledgeBase old = served;
    served = SmallKnowledge.load(after, deadlines);
    return follows.notices().tell(KnowledgeChanges.between(old.documents(), served.documents()), old, served);
  }

  @Test
  void should_send_change_notice_once_to_followers() {
    chat("1", "CBAM");
    chat("2", "carbon pricing");
    chat("3", "events Korea");
    chat("4", "");

    int told = reload("Declarations are due by 30 June.");
    int again = follows.notices().tell(KnowledgeChanges.between(
        SmallKnowledge.load(before, "Declarations are due by 31 May.").documents(), served.documents()),
        SmallKnowledge.load(before, "Declarations are due by 31 May."), served);

    assertThat(told).isEqualTo(2);
    assertThat(again).isZero();
    assertThat(outbox("1")).singleElement().asString()
        .contains("Update to EU CBAM, which you follow: changed Deadlines.", "carbon-border-adjustment-mechanism_en");
    assertThat(outbox("2")).hasSize(1);
    assertThat(outbox("3")).isEmpty();
    assertThat(outbox("4")).isEmpty();
  }

  @Test
  void should_tell_neither_a_blocked_sme_nor_of_a_file_whose_text_did_not_change() {
    chat("1", "CBAM");
    jdbc.update("UPDATE smes SET blocked = TRUE WHERE external_id = '1'");

    assertThat(reload("Declarations are due by 30 June.")).isZero();
    jdbc.update("UPDATE smes SET blocked = FALSE WHERE external_id = '1'");
    assertThat(reload("Declarations  are due\nby 30 June.")).isZero();
    assertThat(outbox("1")).isEmpty();
  }
}
