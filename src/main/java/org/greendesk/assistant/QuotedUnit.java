package org.greendesk.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A sentence quoted in an answer with, when it introduces a list ("Widget makers register in three steps:"), the
 * items that follow it: the two are quoted together or not at all.
 *
 * @param items the items' sentences, in the document's order
 * @param length the characters the unit takes, items included
 */
record QuotedUnit(Scored head, List<Scored> items, int length) {
  static final String LIST_ITEM = "\n- ";
  static final int MAX_LIST_ITEMS = 8;

  QuotedUnit {
    items = List.copyOf(items);
  }

  /**
   * The sentence with, when it introduces a list, the items that fit in the room left (the lines after it in its
   * passage not quoted yet, at most eight); empty when it does not fit, or introduces a list none of whose items
   * fit.
   *
   * @param own the document's scored sentences
   * @param used sentences quoted already, which are not repeated as items
   */
  static Optional<QuotedUnit> of(Scored sentence, List<Scored> own, Set<Scored> used, int room) {
    int length = sentence.text().length();
    if (length > room) {
      return Optional.empty();
    }
    if (!sentence.introducesList()) {
      return Optional.of(new QuotedUnit(sentence, List.of(), length));
    }
    List<Scored> items = new ArrayList<>();
    int lines = 0;
    for (List<Scored> line : byLine(own.stream().filter(s -> s.passage() == sentence.passage()
        && s.line() > sentence.line() && !used.contains(s)).toList()).values()) {
      int itemLength = LIST_ITEM.length() + line.stream().mapToInt(s -> s.text().length() + 1).sum();
      if (lines >= MAX_LIST_ITEMS || length + itemLength > room) {
        break;
      }
      items.addAll(line);
      length += itemLength;
      lines++;
    }
    return lines == 0 ? Optional.empty() : Optional.of(new QuotedUnit(sentence, items, length));
  }

  /** The introduction of the list the sentence is an item of, when it is one: the nearest before it. */
  static Optional<Scored> introductionOf(Scored sentence, List<Scored> own) {
    return own.stream().filter(s -> s.passage() == sentence.passage() && s.introducesList()
        && s.line() < sentence.line() && sentence.line() - s.line() <= MAX_LIST_ITEMS)
        .max(Comparator.comparingInt(Scored::line));
  }

  /** The sentence with its items after it, each item ending with a semicolon but the last: for a quote in a line. */
  String inOneLine() {
    if (items.isEmpty()) {
      return head.text();
    }
    List<String> each = byLine(items).values().stream()
        .map(line -> String.join(" ", line.stream().map(Scored::text).toList()).replaceAll("[.;]$", "")).toList();
    return head.text() + " " + String.join("; ", each) + ".";
  }

  /** The items as bullet lines, the sentences of one item together. */
  List<String> lines() {
    return byLine(items).values().stream()
        .map(line -> LIST_ITEM + String.join(" ", line.stream().map(Scored::text).toList())).toList();
  }

  private static Map<Integer, List<Scored>> byLine(List<Scored> sentences) {
    Map<Integer, List<Scored>> byLine = new TreeMap<>();
    sentences.stream().sorted(Comparator.comparingInt(Scored::position))
        .forEach(s -> byLine.computeIfAbsent(s.line(), l -> new ArrayList<>()).add(s));
    return byLine;
  }
}
