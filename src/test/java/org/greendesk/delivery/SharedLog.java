package org.greendesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One record of everything sent, in the order it was sent, by any number of channels (one per sender, as each
 * instance of the service has its own): for checking that several senders sent each message once and each chat's
 * messages in order.
 */
public final class SharedLog {
  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch expected;

  /** @param expected how many sends {@link #await} waits for */
  public SharedLog(int expected) {
    this.expected = new CountDownLatch(expected);
  }

  /** A channel of the given name that records into this log. */
  public CustomerChannel channel(String name) {
    return new CustomerChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void send(String chatId, OutgoingMessage message) {
        synchronized (SharedLog.this) {
          lines.add(chatId + " " + message.text());
        }
        expected.countDown();
      }
    };
  }

  /** True once the expected number of sends were made. */
  public boolean await(Duration timeout) throws InterruptedException {
    return expected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Checks that chats {@code 0..chats-1} each got messages {@code 0..perChat-1} exactly once, in that order, where
   * a chat is named {@code chat-N} and a message's text is its number.
   */
  public void assertEachOnceInOrder(int chats, int perChat) {
    Map<String, List<Integer>> byChat = new LinkedHashMap<>();
    for (String line : lines()) {
      String[] parts = line.split(" ");
      byChat.computeIfAbsent(parts[0], chat -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
    }
    List<Integer> inOrder = IntStream.range(0, perChat).boxed().toList();
    assertThat(byChat).hasSize(chats);
    byChat.forEach((chat, numbers) -> assertThat(numbers).as(chat).isEqualTo(inOrder));
  }
}
