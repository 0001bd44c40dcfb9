package org.greendesk.channel.slack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeDocument;

/**
 * What staff should check in the knowledge, as Slack text: a line of counts for {@code /greendesk stats}, and for
 * the App Home the documents overdue for a check and those with facts marked {@code verification: unconfirmed},
 * with what is unconfirmed.
 */
final class KnowledgeText {
  private KnowledgeText() {}

  static String line(KnowledgeBase knowledge, LocalDate today) {
    return String.format(Locale.ROOT, "• Knowledge: %d documents · %d overdue for a check · %d with facts marked "
        + "unconfirmed (listed on the App Home)", knowledge.documents().size(), overdue(knowledge, today).size(),
        unconfirmed(knowledge).size());
  }

  /** The App Home's texts: a heading, then a line per document to check, overdue ones first. */
  static List<String> toCheck(KnowledgeBase knowledge, LocalDate today) {
    List<KnowledgeDocument> overdue = overdue(knowledge, today);
    List<KnowledgeDocument> unconfirmed = unconfirmed(knowledge);
    if (overdue.isEmpty() && unconfirmed.isEmpty()) {
      return List.of("*Knowledge to check*: none, every document was checked in time and its facts confirmed.");
    }
    List<String> lines = new ArrayList<>();
    lines.add("*Knowledge to check*: " + overdue.size() + " overdue for a check (answers from them say when they "
        + "were last checked), " + unconfirmed.size() + " with facts marked unconfirmed");
    for (KnowledgeDocument d : overdue) {
      lines.add("• " + name(d) + ": check due " + d.review().due().orElseThrow() + ", last checked "
          + (d.reviewed() == null ? "never" : d.reviewed()));
    }
    for (KnowledgeDocument d : unconfirmed) {
      lines.add("• " + name(d) + ": unconfirmed: " + EscalationCard.escape(d.review().unconfirmed()));
    }
    return SlackBlocks.pack(lines);
  }

  private static String name(KnowledgeDocument d) {
    return "*" + EscalationCard.escape(d.shortName()) + "* (`" + d.id() + "`)";
  }

  /** The documents whose check was due before today, the most overdue first. */
  private static List<KnowledgeDocument> overdue(KnowledgeBase knowledge, LocalDate today) {
    return knowledge.dueForReview(today).stream().filter(d -> d.review().overdue(today)).toList();
  }

  private static List<KnowledgeDocument> unconfirmed(KnowledgeBase knowledge) {
    return knowledge.documents().stream().filter(d -> d.review().unconfirmed() != null).toList();
  }
}
