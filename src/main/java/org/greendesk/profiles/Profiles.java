package org.greendesk.profiles;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.store.Jdbc;

/** SMEs' profiles, wired on one database: the store, {@code /profile}'s questions, {@code /check} and its dates. */
public record Profiles(ProfileStore store, ProfileFlow flow, ChatCheck check, ProfileDates dates) {

  public static Profiles on(Jdbc jdbc, Supplier<KnowledgeBase> knowledge, Messages messages, Clock clock) {
    ProfileStore store = new ProfileStore(jdbc);
    return new Profiles(store, new ProfileFlow(store, knowledge, messages, clock),
        new ChatCheck(store, knowledge, messages, clock), new ProfileDates(store));
  }

  /** The economy the SME said it is established in, if it said: its questions are answered for it first. */
  public Optional<String> economy(long conversationId) {
    return store.find(conversationId).map(s -> s.profile().economy());
  }

  /** The profile on one line, for the advisors' brief. */
  public Optional<String> brief(long conversationId) {
    return store.find(conversationId).flatMap(s -> ProfileText.brief(s.profile()));
  }
}
