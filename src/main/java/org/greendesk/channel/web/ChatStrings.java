package org.greendesk.channel.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.greendesk.messages.Messages;
import org.jspecify.annotations.Nullable;

/**
 * The page's own words (labels, buttons, notices) in the language the browser asks for, from the message
 * catalogue's {@code web_*} texts, so that a centre translates or rewords the page where it edits everything else
 * GreenDesk says. Immutable and thread safe.
 */
public final class ChatStrings {
  static final String PREFIX = "web_";

  private final Messages messages;

  public ChatStrings(Messages messages) {
    this.messages = messages;
  }

  /**
   * The first language of an {@code Accept-Language} header, by its weights, that GreenDesk has a catalogue for;
   * English when none is, or the header is absent or malformed. A regional tag counts as its language
   * ({@code ko-KR} is {@code ko}).
   */
  public String language(@Nullable String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Messages.ENGLISH;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return Messages.ENGLISH;
    }
    return ranges.stream().filter(range -> range.getWeight() > 0)
        .map(range -> range.getRange().split("-")[0])
        .filter(messages::speaks).findFirst().orElse(Messages.ENGLISH);
  }

  /** The page's texts in the language, keyed without the {@code web_} prefix, in key order. */
  public Map<String, String> texts(String language) {
    Map<String, String> texts = new LinkedHashMap<>();
    messages.startingWith(language, PREFIX).forEach((key, text) -> texts.put(key.substring(PREFIX.length()), text));
    return texts;
  }
}
