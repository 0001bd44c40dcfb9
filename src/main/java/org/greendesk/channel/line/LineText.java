package org.greendesk.channel.line;

import java.util.ArrayList;
import java.util.List;
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

  /** Parts of at most {@code max} characters, cut between paragraphs, else lines, else words, never in a pair. */
  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = lastBreak(rest, max);
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int lastBreak(String text, int max) {
    for (String separator : List.of("\n\n", "\n", " ")) {
      int at = text.lastIndexOf(separator, max - 1);
      if (at > max / 4) {
        return at;
      }
    }
    return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
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
