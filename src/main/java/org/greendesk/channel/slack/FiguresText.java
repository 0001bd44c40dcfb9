package org.greendesk.channel.slack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.greendesk.stats.DeskFigures;
import org.greendesk.stats.FollowFigures;

/** The desk's figures as Slack text, for {@code /greendesk stats} and the App Home. */
final class FiguresText {
  private FiguresText() {}

  static String of(DeskFigures f) {
    return "*Figures for " + f.period().describe() + "*"
        + "\n• Questions: *" + f.questions() + "*: answered by the bot " + f.answered()
        + share(f.answered(), f.questions()) + ", with a person offered " + f.offered()
        + ", routed to a person *" + f.routed() + "*"
        + "\n• Feedback: " + f.helpful() + " helpful, " + f.notHelpful() + " not helpful · ratings: " + f.ratings()
        + f.rating().map(r -> String.format(Locale.ROOT, " (average %.1f / 5)", r)).orElse("")
        + "\n• Median time to claim: " + duration(f.toClaim()) + " · to resolve: " + duration(f.toResolve());
  }

  /** Followers now, and what following sent them over the period. */
  static String of(FollowFigures f) {
    return "• Following: *" + f.followers() + "* SMEs follow " + f.follows() + " documents, topics or economies · "
        + "sent " + f.period().describe() + ": " + f.reminders() + " reminders, " + f.notices() + " change notices";
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * part / whole));
  }

  static String duration(Optional<Duration> d) {
    if (d.isEmpty()) {
      return "none yet";
    }
    long minutes = d.get().toMinutes();
    return minutes < 1 ? "under a minute" : minutes < 120 ? minutes + " min"
        : minutes < 48 * 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : (minutes / (24 * 60)) + " days";
  }
}
