package org.greendesk.channel.slack;

import java.util.regex.Pattern;

/** Slack's message markup to plain text, for what an advisor writes to an SME on another channel. */
final class SlackText {
  private static final Pattern LINK_WITH_LABEL = Pattern.compile("<(https?://[^|>]+)\\|([^>]+)>");
  private static final Pattern LINK = Pattern.compile("<(https?://[^>]+)>");

  private SlackText() {}

  static String plain(String mrkdwn) {
    String text = LINK_WITH_LABEL.matcher(mrkdwn).replaceAll("$2 ($1)");
    text = LINK.matcher(text).replaceAll("$1");
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
