package org.greendesk.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a document into passages by {@code ##} section. A section longer than the limit is split at paragraph
 * boundaries, and a paragraph longer than the limit at sentence boundaries, so that every passage stays focused
 * enough to embed and to quote. The "Related" section is a list of ids, not text, and is left out; a "History"
 * section's passages are marked as such; each pair of the "Questions" section is a passage of its own.
 */
public final class Chunker {
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");
  private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"(])");
  private static final Pattern HISTORY = Pattern.compile("(?i)history");
  private static final String QUESTIONS = "Questions";

  private final int maxChars;

  public Chunker(int maxChars) {
    if (maxChars < 200) {
      throw new IllegalArgumentException("maxChars must be at least 200: " + maxChars);
    }
    this.maxChars = maxChars;
  }

  public Chunker() {
    this(1200);
  }

  /** Passages in document order, the question pairs last; never empty for a document with text. */
  public List<Passage> chunk(KnowledgeDocument document) {
    List<Passage> passages = new ArrayList<>();
    String heading = "";
    StringBuilder section = new StringBuilder();
    for (String line : document.body().lines().toList()) {
      if (line.startsWith("# ")) {
        continue;
      }
      if (line.startsWith("## ")) {
        addSection(document.id(), heading, section.toString(), passages);
        section.setLength(0);
        heading = line.substring(3).strip();
        continue;
      }
      section.append(line).append('\n');
    }
    addSection(document.id(), heading, section.toString(), passages);
    for (QuestionPair pair : document.questions()) {
      passages.add(new Passage(document.id() + "#" + passages.size(), document.id(), passages.size(), QUESTIONS,
          pair.text(), PassageKind.QUESTION));
    }
    if (passages.isEmpty()) {
      passages.add(new Passage(document.id() + "#0", document.id(), 0, "", document.title()));
    }
    return passages;
  }

  private void addSection(String documentId, String heading, String markdown, List<Passage> passages) {
    if (DocumentParser.isRelatedHeading("## " + heading) || QuestionsSection.isHeading("## " + heading)) {
      return;
    }
    PassageKind kind = HISTORY.matcher(heading).matches() ? PassageKind.HISTORY : PassageKind.TEXT;
    List<String> paragraphs = paragraphs(markdown);
    StringBuilder current = new StringBuilder();
    for (String paragraph : paragraphs) {
      for (String piece : fit(paragraph)) {
        if (current.length() > 0 && current.length() + piece.length() + 1 > maxChars) {
          add(documentId, heading, current.toString(), kind, passages);
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append('\n');
        }
        current.append(piece);
      }
    }
    add(documentId, heading, current.toString(), kind, passages);
  }

  private static void add(String documentId, String heading, String text, PassageKind kind, List<Passage> passages) {
    if (!text.isBlank()) {
      int ordinal = passages.size();
      passages.add(new Passage(documentId + "#" + ordinal, documentId, ordinal, heading, text.strip(), kind));
    }
  }

  /** Paragraphs and list items as plain text, one per element. */
  static List<String> paragraphs(String markdown) {
    List<String> result = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    boolean inListItem = false;
    for (String raw : markdown.lines().toList()) {
      String line = raw.strip();
      boolean listItem = line.matches("([-*+]|\\d+[.)])\\s+.*");
      // An unindented line after a list item starts a new paragraph, though Markdown would continue the item.
      boolean afterItem = inListItem && !raw.startsWith(" ") && !raw.startsWith("\t");
      if (line.isEmpty() || listItem || afterItem || line.startsWith("#")) {
        flush(paragraph, result);
      }
      inListItem = listItem || (inListItem && !line.isEmpty() && !afterItem);
      if (line.isEmpty()) {
        continue;
      }
      String text = listItem ? line.replaceFirst("^([-*+]|\\d+[.)])\\s+", "") : line.replaceFirst("^#+\\s*", "");
      if (paragraph.length() > 0) {
        paragraph.append(' ');
      }
      paragraph.append(plain(text));
      if (line.startsWith("#")) {
        flush(paragraph, result);
      }
    }
    flush(paragraph, result);
    return result;
  }

  private static void flush(StringBuilder paragraph, List<String> result) {
    if (paragraph.length() > 0) {
      result.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  static String plain(String markdown) {
    String text = LINK.matcher(markdown).replaceAll("$1");
    return EMPHASIS.matcher(text).replaceAll("");
  }

  private List<String> fit(String paragraph) {
    if (paragraph.length() <= maxChars) {
      return List.of(paragraph);
    }
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (String sentence : SENTENCE_END.split(paragraph)) {
      if (piece.length() > 0 && piece.length() + sentence.length() + 1 > maxChars) {
        pieces.add(piece.toString());
        piece.setLength(0);
      }
      if (piece.length() > 0) {
        piece.append(' ');
      }
      piece.append(sentence);
    }
    if (piece.length() > 0) {
      pieces.add(piece.toString());
    }
    return pieces;
  }
}
