package org.greendesk.cli;

import java.util.List;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Source;
import org.greendesk.profile.CheckResult;

/** Answers as a person reads them in a terminal. */
final class Printer {
  private Printer() {}

  /** What applies to an SME, list by list, each item with its reason and next date. */
  static String check(CheckResult result) {
    StringBuilder text = new StringBuilder();
    if (result.id() != null) {
      text.append("Profile ").append(result.id()).append("\n\n");
    }
    section(text, "Applies to you", "Nothing applies on the facts given.", result.applies());
    section(text, "To check", "Nothing else to check.", result.toCheck());
    section(text, "Funding you may be eligible for", "No programme found for your economy.", result.funding());
    section(text, "Events to come", "No dated event to come for your economy.", result.events());
    return text.toString().stripTrailing();
  }

  private static void section(StringBuilder text, String heading, String none, List<CheckResult.Finding> findings) {
    text.append(heading).append(findings.isEmpty() ? "" : " (" + findings.size() + ")").append(":\n");
    if (findings.isEmpty()) {
      text.append("  ").append(none).append("\n");
    }
    for (CheckResult.Finding finding : findings) {
      text.append("  - ").append(finding.title()).append(" [").append(finding.id()).append(']');
      if (finding.nextDate() != null) {
        text.append(", next date ").append(finding.nextDate());
      }
      text.append("\n    ").append(finding.why()).append('\n');
    }
    text.append('\n');
  }

  static String answer(Answer answer) {
    StringBuilder text = new StringBuilder(answer.text());
    if (!answer.sources().isEmpty()) {
      text.append("\n\nSources:");
      int n = 1;
      for (Source source : answer.sources()) {
        text.append("\n  ").append(n++).append(". ").append(source.title());
        StringBuilder detail = new StringBuilder();
        if (source.url() != null) {
          detail.append(source.url());
        }
        if (source.reviewed() != null) {
          detail.append(detail.length() > 0 ? " " : "").append("(reviewed ").append(source.reviewed()).append(')');
        }
        if (detail.length() > 0) {
          text.append("\n     ").append(detail);
        }
      }
    }
    if (answer.handoff() == Handoff.OFFERED) {
      text.append("\n\n[An advisor can take over: say \"talk to a person\" if you would like one.]");
    }
    return text.toString();
  }
}
