package org.greendesk.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A customer channel that records what it was asked to send, and can be told to fail the next sends. */
public final class RecordingChannel implements CustomerChannel {
  /** One delivered message. */
  public record Sent(String chatId, OutgoingMessage message) {}

  private final String name;
  private final List<Sent> sent = new ArrayList<>();
  private final Deque<SendException> failures = new ArrayDeque<>();

  public RecordingChannel(String name) {
    this.name = name;
  }

  /** The next sends throw these, in order, before sends succeed again. */
  public synchronized RecordingChannel failNext(SendException... errors) {
    failures.addAll(List.of(errors));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void send(String chatId, OutgoingMessage message) throws SendException {
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    sent.add(new Sent(chatId, message));
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized List<String> texts(String chatId) {
    return sent.stream().filter(s -> s.chatId().equals(chatId)).map(s -> s.message().text()).toList();
  }
}
