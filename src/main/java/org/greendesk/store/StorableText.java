package org.greendesk.store;

/**
 * Text as every database here can store it and every channel can show it: PostgreSQL refuses the NUL character in
 * text, and the other control characters (a bell, an escape sequence) mean nothing in a chat but can garble a
 * terminal or a log. Line breaks and tabs are kept.
 */
public final class StorableText {
  private StorableText() {}

  /** The text without control characters other than line feed, carriage return and tab; the same text if none. */
  public static String clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unwanted(text.charAt(i))) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !unwanted((char) c)).forEach(c -> kept.append((char) c));
        return kept.toString();
      }
    }
    return text;
  }

  private static boolean unwanted(char c) {
    return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
  }
}
