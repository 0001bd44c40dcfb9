package org.greendesk.handoff;

import java.util.ArrayList;
import java.util.List;

/** Escalation ids as staff type them to act on several at once. */
public final class EscalationIds {
  private EscalationIds() {}

  /**
   * The ids, in the order typed, of "12 13 20-25" or "12,13"; a range spans at most 1,000 ids.
   *
   * @throws IllegalArgumentException naming the part that is not an id or a range
   */
  public static List<Long> parse(String typed) {
    List<Long> ids = new ArrayList<>();
    for (String part : typed.strip().split("[\\s,]+")) {
      if (part.isEmpty()) {
        continue;
      }
      String[] range = part.split("-", 2);
      try {
        long from = Long.parseLong(range[0]);
        long to = range.length == 2 ? Long.parseLong(range[1]) : from;
        if (from < 1 || to < from || to - from >= 1000) {
          throw new IllegalArgumentException("not an escalation id or range: " + part);
        }
        for (long id = from; id <= to; id++) {
          ids.add(id);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an escalation id or range: " + part, e);
      }
    }
    return ids;
  }
}
