package org.greendesk.channel.slack;

/** Block Kit's limits, kept in one place. */
final class SlackBlocks {
  /** A section's text stops at 3,000 characters; a little room is left for what follows the cut. */
  static final int SECTION_TEXT = 2900;

  private SlackBlocks() {}

  /** The text, cut to fit a section. */
  static String fit(String text) {
    return text.length() <= SECTION_TEXT ? text : text.substring(0, SECTION_TEXT) + "…";
  }
}
