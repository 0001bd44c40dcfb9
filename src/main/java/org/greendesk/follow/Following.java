package org.greendesk.follow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;

/**
 * The SME's commands {@code /follow WHAT}, {@code /following} and {@code /unfollow WHAT}, answered in their language.
 * Called inside the transaction that marks the command's message handled. Thread safe.
 */
public final class Following {
  private final FollowStore store;
  /** Asked each time: the knowledge can be reloaded while the desk runs. */
  private final Supplier<KnowledgeBase> knowledge;
  private final Messages messages;
  private final Clock clock;

  public Following(FollowStore store, Supplier<KnowledgeBase> knowledge, Messages messages, Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * {@code /follow WHAT}; with nothing after it (as the "Follow updates" button sends it), the document the latest
   * answer cited first.
   *
   * @param latestSource the id of the document the latest answer cited first, if any
   */
  public Reply follow(long conversationId, String what, Optional<String> latestSource, String language) {
    Optional<Follow> follow = what.isBlank()
        ? latestSource.flatMap(id -> knowledge.get().document(id))
            .map(d -> new Follow(Follow.Kind.DOCUMENT, d.id(), d.shortName()))
        : FollowTargets.resolve(what, knowledge.get());
    if (follow.isEmpty()) {
      return what.isBlank() ? Reply.of("follow_usage") : new Reply("follow_unknown", Map.of("what", what.strip()));
    }
    String shown = shown(follow.get(), language);
    return store.add(conversationId, follow.get(), clock.instant())
        ? new Reply("follow_added", Map.of("what", shown))
        : new Reply("follow_already", Map.of("what", shown));
  }

  /** {@code /following}: what the SME follows, each with how to stop it. */
  public Reply following(long conversationId, String language) {
    List<Follow> follows = store.of(conversationId);
    return follows.isEmpty() ? Reply.of("following_none")
        : new Reply("following_list", Map.of("list", list(follows, language)));
  }

  /** {@code /unfollow WHAT}; with nothing after it, what can be stopped. */
  public Reply unfollow(long conversationId, String what, String language) {
    List<Follow> follows = store.of(conversationId);
    if (follows.isEmpty()) {
      return Reply.of("following_none");
    }
    if (what.isBlank()) {
      return new Reply("unfollow_choose", Map.of("list", list(follows, language)));
    }
    Optional<Follow> resolved = FollowTargets.resolve(what, knowledge.get());
    Optional<Follow> stopped = follows.stream().filter(f -> resolved.filter(r -> r.kind() == f.kind()
            && r.target().equals(f.target())).isPresent() || f.label().equalsIgnoreCase(what.strip()))
        .findFirst();
    if (stopped.isEmpty()) {
      return new Reply("unfollow_unknown", Map.of("what", what.strip(), "list", list(follows, language)));
    }
    store.remove(conversationId, stopped.get());
    return new Reply("unfollow_done", Map.of("what", shown(stopped.get(), language)));
  }

  /** Deletes the SME's follows and what they were sent because of them. */
  public void forget(long conversationId) {
    store.forget(conversationId);
  }

  /** One line per follow: its name, then the command that stops it. */
  private String list(List<Follow> follows, String language) {
    return follows.stream().map(f -> "• " + shown(f, language) + ": /unfollow " + typed(f))
        .collect(Collectors.joining("\n"));
  }

  /** The follow as the SME reads it. */
  String shown(Follow follow, String language) {
    if (follow.kind() != Follow.Kind.EVENTS) {
      return follow.label();
    }
    return follow.target().isEmpty() ? messages.text(language, "follow_events_all")
        : messages.text(language, "follow_events_in", Map.of("economy", follow.target()));
  }

  /** What to type after {@code /unfollow} to stop it. */
  private static String typed(Follow follow) {
    return follow.kind() == Follow.Kind.EVENTS ? ("events " + follow.target()).strip() : follow.label();
  }
}
