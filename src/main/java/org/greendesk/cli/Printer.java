package org.greendesk.cli;

import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Source;

/** Answers as a person reads them in a terminal. */
final class Printer {
  private Printer() {}

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
