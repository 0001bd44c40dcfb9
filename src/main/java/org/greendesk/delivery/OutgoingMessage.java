package org.greendesk.delivery;

import java.util.List;
import java.util.Objects;

/**
 * A message to an SME, channel-neutral: the adapter renders it (HTML, blocks, a terminal line).
 *
 * @param links the sources, as title and URL, best first
 * @param actions buttons the channel may offer under it: {@code feedback}, {@code advisor}, {@code rate}
 */
public record OutgoingMessage(String text, List<Link> links, List<String> actions) {

  public OutgoingMessage {
    Objects.requireNonNull(text, "text");
    links = List.copyOf(links);
    actions = List.copyOf(actions);
  }

  public static OutgoingMessage text(String text) {
    return new OutgoingMessage(text, List.of(), List.of());
  }

  /** A source shown with an answer. */
  public record Link(String title, String url) {}
}
