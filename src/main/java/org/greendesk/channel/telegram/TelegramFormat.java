package org.greendesk.channel.telegram;

import java.util.List;
import org.greendesk.delivery.MessageParts;
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

  static List<String> split(String text, int max) {
    return MessageParts.split(text, max, (part, at) -> !insideTag(part, at));
  }


  /** True when the position falls inside an HTML tag such as a link's {@code <a href="...">}. */
  private static boolean insideTag(String text, int at) {
    return text.lastIndexOf('<', at) > text.lastIndexOf('>', at);
  }
}
