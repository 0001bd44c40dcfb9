package org.greendesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatLanesTest {
  private final ChatLanes lanes = new ChatLanes(4, "test-lanes");

  @AfterEach
  void close() throws InterruptedException {
    lanes.close();
  }

  @Test
  void should_run_the_messages_of_one_chat_in_order() throws InterruptedException {
    // given
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    List<ChatLanes.Work> batch = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      batch.add(new ChatLanes.Work("chat-1", () -> seen.add(n)));
    }

    // when
    lanes.runAll(batch);

    // then
    assertThat(seen).hasSize(200).isSorted();
  }

  @Test
  void should_not_hold_up_other_chats_behind_a_busy_one() throws InterruptedException {
    // given a chat whose task waits until another chat's task has run
    CountDownLatch otherChatRan = new CountDownLatch(1);
    List<String> finished = Collections.synchronizedList(new ArrayList<>());

    // when
    lanes.runAll(List.of(
        new ChatLanes.Work("busy", () -> {
          await(otherChatRan);
          finished.add("busy");
        }),
        new ChatLanes.Work("other", () -> {
          finished.add("other");
          otherChatRan.countDown();
        })));

    // then
    assertThat(finished).containsExactly("other", "busy");
  }

  @Test
  void should_go_on_with_a_chat_after_one_of_its_tasks_fails() throws InterruptedException {
    // given
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    // when
    lanes.runAll(List.of(
        new ChatLanes.Work("chat", () -> {
          throw new IllegalStateException("broken update");
        }),
        new ChatLanes.Work("chat", () -> seen.add("next"))));

    // then
    assertThat(seen).containsExactly("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
