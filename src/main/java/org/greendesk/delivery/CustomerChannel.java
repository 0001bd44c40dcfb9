package org.greendesk.delivery;

/** Where SMEs are reached (Telegram, the web chat, the terminal). Implementations are thread safe. */
public interface CustomerChannel {

  /** The channel's name, as stored with each conversation: {@code telegram}, {@code web}, {@code terminal}. */
  String name();

  /** Delivers one message; returns only once the platform accepted it. */
  void send(String chatId, OutgoingMessage message) throws SendException;
}
