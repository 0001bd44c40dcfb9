package org.greendesk.channel.line;

import java.util.List;
import org.greendesk.delivery.MessageParts;
import org.greendesk.delivery.OutgoingMessage;

/**
 * Renders a message as LINE's plain text (LINE shows no markup, but makes bare URLs tappable): the sources after
 * the text, and cut at paragraph boundaries into parts LINE accepts.
 */
final class LineText {
  /** LINE's limit on a text message, in UTF-16 units. */
  static final int MAX_CHARS = 5_000;

  private LineText() {}

  static List<String> render(OutgoingMessage message) {
    StringBuilder text = new StringBuilder(message.text().strip());
    if (!message.links().isEmpty()) {
      text.append("\n\nSources");
      for (OutgoingMessage.Link link : message.links()) {
        text.append("\n• ").append(link.title()).append("\n  ").append(link.url());
      }
    }
    return split(text.toString(), MAX_CHARS);
  }

  static List<String> split(String text, int max) {
    return MessageParts.split(text, max, (part, at) -> true);
  }


  /** At most {@code max} characters, with an ellipsis when cut, never cutting a surrogate pair. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end) + "…";
  }
}
