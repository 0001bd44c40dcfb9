package org.greendesk.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.greendesk.assistant.ShippedPrompts;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;
import org.greendesk.store.Database;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowingTest {
  private static final Messages MESSAGES = ShippedPrompts.messages();
  @TempDir Path data;
  @TempDir Path folder;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private Database database;
  private Following following;
  private long chat;

  @BeforeEach
  void open() {
    KnowledgeBase knowledge = SmallKnowledge.load(folder, "Declarations are due by 31 May.");
    database = Database.open(null, null, null, data);
    following = new Following(new FollowStore(database.jdbc()), () -> knowledge, MESSAGES, clock);
    chat = new ConversationStore(database.jdbc(), List.of()).conversation("telegram", "42", "Minh", clock.instant()).id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private String said(Reply reply) {
    return MESSAGES.text("en", reply.key(), reply.values());
  }

  @Test
  void should_follow_a_document_once_and_say_so() {
    Reply first = following.follow(chat, "CBAM", Optional.empty(), "en");
    Reply again = following.follow(chat, "carbon border tax", Optional.empty(), "en");

    assertThat(first).isEqualTo(new Reply("follow_added", Map.of("what", "EU CBAM")));
    assertThat(again).isEqualTo(new Reply("follow_already", Map.of("what", "EU CBAM")));
  }

  @Test
  void should_follow_what_the_latest_answer_cited_first_when_nothing_is_named() {
    assertThat(following.follow(chat, "", Optional.of("eu-cbam"), "en").key()).isEqualTo("follow_added");
    assertThat(following.follow(chat, "", Optional.empty(), "en").key()).isEqualTo("follow_usage");
    assertThat(following.follow(chat, "Atlantis", Optional.empty(), "en"))
        .isEqualTo(new Reply("follow_unknown", Map.of("what", "Atlantis")));
  }

  @Test
  void should_list_follows_with_how_to_stop_each_in_the_smes_language() {
    following.follow(chat, "CBAM", Optional.empty(), "ko");
    following.follow(chat, "events Korea", Optional.empty(), "ko");

    Reply list = following.following(chat, "ko");

    assertThat(MESSAGES.text("ko", list.key(), list.values()))
        .contains("• EU CBAM: /unfollow EU CBAM", "• Korea의 행사: /unfollow events Korea");
  }

  @Test
  void should_stop_a_follow_by_its_name_and_offer_the_list_when_none_is_named() {
    following.follow(chat, "CBAM", Optional.empty(), "en");
    following.follow(chat, "events Korea", Optional.empty(), "en");

    assertThat(said(following.unfollow(chat, "", "en"))).startsWith("Send /unfollow")
        .contains("/unfollow EU CBAM", "/unfollow events Korea");
    assertThat(said(following.unfollow(chat, "events Korea", "en"))).isEqualTo("You no longer follow events in Korea.");
    assertThat(said(following.unfollow(chat, "Japan", "en"))).startsWith("You don't follow \"Japan\"");
    assertThat(said(following.unfollow(chat, "cbam", "en"))).isEqualTo("You no longer follow EU CBAM.");
    assertThat(following.following(chat, "en").key()).isEqualTo("following_none");
  }

  @Test
  void should_forget_follows() {
    following.follow(chat, "CBAM", Optional.empty(), "en");

    following.forget(chat);

    assertThat(following.following(chat, "en").key()).isEqualTo("following_none");
  }
}
