package org.greendesk.delivery;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to an SME, channel-neutral: the adapter renders it (HTML, blocks, a terminal line).
 *
 * @param links the sources, as title and URL, best first
 * @param actions buttons the channel may offer under it: {@code feedback}, {@code advisor}, {@code follow}, {@code rate},
 *     {@code forget}, and choices ({@link #choice}) whose press sends their text as the SME's message
 * @param language the language the SME reads (ISO 639-1), in which the channel labels the buttons; {@code null}
 *     for English
 */
public record OutgoingMessage(String text, List<Link> links, List<String> actions, @Nullable String language) {

  public OutgoingMessage {
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links);
    actions = List.copyOf(actions);
  }

  /** A message in English, or whose buttons need no labels. */
  public OutgoingMessage(String text, List<Link> links, List<String> actions) {
    this(text, links, actions, null);
  }

  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(text, List.of(), List.of());
  }

  /** The action of a button whose press sends this text as the SME's message: an answer to a question asked. */
  public static String choice(String text) {
    return CHOICE + text;
  }

  /** The texts of the choices among these actions, in order; empty when there are none. */
  public static List<String> choices(List<String> actions) {
    return actions.stream().filter(a -> a.startsWith(CHOICE)).map(a -> a.substring(CHOICE.length()))
        .filter(text -> !text.isEmpty()).toList();
  }

  private static final String CHOICE = "choice:";

  /** The language whose labels the buttons take; English when none was given. */
  public String languageOrEnglish() {
    return language == null ? "en" : language;
  }

  /** A source shown with an answer. */
  public record Link(String title, String url) {}
}
