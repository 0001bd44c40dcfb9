package org.greendesk.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import org.greendesk.delivery.OutgoingMessage;

/**
 * Renders a message as Telegram HTML: every piece of text escaped (so no markup from a document or a model can
 * break a message), sources as links, and cut at paragraph boundaries into parts Telegram accepts.
 */
final class TelegramFormat {
  /** Telegram's limit on a message's text, in characters after entity parsing; we count before, to be safe. */
  static final int MAX_CHARS = 4096;

  private TelegramFormat() {}

  static List<String> render(OutgoingMessage message) {
    StringBuilder html = new StringBuilder(escape(message.text().strip()));
    if (!message.links().isEmpty()) {
      html.append("\n\n<b>Sources</b>");
      for (OutgoingMessage.Link link : message.links()) {
        html.append("\n• <a href=\"").append(escape(link.url())).append("\">").append(escape(link.title()))
            .append("</a>");
      }
    }
    return split(html.toString(), MAX_CHARS);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Parts of at most {@code max} characters, cut between paragraphs, else between lines, else between words. */
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
      if (at > max / 4 && !insideTag(text, at)) {
        return at;
      }
    }
    return max;
  }

  /** True when the position falls inside an HTML tag such as a link's {@code <a href="...">}. */
  private static boolean insideTag(String text, int at) {
    return text.lastIndexOf('<', at) > text.lastIndexOf('>', at);
  }
}
