package org.greendesk.channel.slack;

import java.util.ArrayList;
import java.util.List;

/** Block Kit's limits, kept in one place. */
final class SlackBlocks {
  /** A section's text stops at 3,000 characters; a little room is left for what follows the cut. */
  static final int SECTION_TEXT = 2900;

  private SlackBlocks() {}

  /** The text, cut to fit a section. */
  static String fit(String text) {
    return text.length() <= SECTION_TEXT ? text : text.substring(0, SECTION_TEXT) + "…";
  }

  /** The lines, in order, as the texts of as few sections as hold them whole (a line too long for one is cut). */
  static List<String> pack(List<String> lines) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (text.length() > 0 && text.length() + 1 + line.length() > SECTION_TEXT) {
        texts.add(text.toString());
        text.setLength(0);
      }
      text.append(text.length() > 0 ? "\n" : "").append(fit(line));
    }
    if (text.length() > 0) {
      texts.add(text.toString());
    }
    return texts;
  }
}
