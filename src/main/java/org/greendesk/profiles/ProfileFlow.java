package org.greendesk.profiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;
import org.greendesk.profile.Profile;

/**
 * {@code /profile}: shows the SME's profile, or asks for it one question at a time (economy, sector, products,
 * markets, employees, turnover, emissions), each with buttons for the usual answers and one to skip it. While the
 * SME answers, their messages are answers, not questions; any other command ends the questions, keeping what was
 * answered. Called inside the transaction that marks the message handled. Thread safe.
 */
public final class ProfileFlow {
  private final ProfileStore store;
  /** Asked each time: the knowledge can be reloaded while the desk runs. */
  private final Supplier<KnowledgeBase> knowledge;
  private final Messages messages;
  private final Clock clock;

  public ProfileFlow(ProfileStore store, Supplier<KnowledgeBase> knowledge, Messages messages, Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  /** {@code /profile}: the profile and how to change it; the first question when there is none. */
  public Reply profile(long conversationId, String rest, String language) {
    Optional<Profile> stored = store.find(conversationId).map(ProfileStore.Stored::profile)
        .filter(p -> p.economy() != null);
    if (stored.isEmpty() || !rest.isBlank()) {
      return start(conversationId, stored.orElse(empty()), language);
    }
    return new Reply("profile_show", Map.of("profile", ProfileText.lines(stored.get(), messages, language)),
        List.of(OutgoingMessage.choice("/profile edit"), OutgoingMessage.choice("/check")));
  }

  /** True while the SME is answering the questions. */
  public boolean asking(long conversationId) {
    return store.find(conversationId).map(s -> s.step() != null).orElse(false);
  }

  /** Ends the questions, keeping what was answered. */
  public void leave(long conversationId) {
    store.leaveFlow(conversationId);
  }

  public void forget(long conversationId) {
    store.forget(conversationId);
  }

  /** The SME's answer to the question they are at; the next question, or the profile when it was the last. */
  public Reply answer(long conversationId, String text, String language) {
    ProfileStore.Stored stored = store.find(conversationId).orElseThrow();
    Step step = stored.step();
    if (step == null) {
      throw new IllegalStateException("no question of /profile is being answered");
    }
    boolean skipped = text.strip().equals("-") || text.strip().equalsIgnoreCase("skip")
        || text.strip().equalsIgnoreCase(messages.text(language, "profile_skip"));
    Optional<Profile> read = skipped ? Optional.of(stored.profile()) : read(step, text, stored.profile());
    if (read.isEmpty()) {
      Reply again = question(step, language);
      return new Reply("profile_not_understood", Map.of("question", messages.text(language, step.question())),
          again.actions());
    }
    Optional<Step> next = step.next();
    store.save(conversationId, read.get(), next.orElse(null), clock.instant());
    if (next.isPresent()) {
      return question(next.get(), language);
    }
    return new Reply("profile_done", Map.of("profile", ProfileText.lines(read.get(), messages, language)),
        List.of(OutgoingMessage.choice("/check")));
  }

  private Reply start(long conversationId, Profile current, String language) {
    store.save(conversationId, current, Step.ECONOMY, clock.instant());
    Reply first = question(Step.ECONOMY, language);
    return new Reply("profile_start", Map.of("question", messages.text(language, first.key())), first.actions());
  }

  private Reply question(Step step, String language) {
    List<String> choices = new ArrayList<>(switch (step) {
      case ECONOMY -> Answers.economies(knowledge.get());
      case EXPORTS -> Answers.economies(knowledge.get()).stream()
          .filter(e -> Set.of("EU", "United States", "China", "Japan").contains(e)).toList();
      case EMPLOYEES -> Answers.EMPLOYEE_LABELS;
      case TURNOVER -> Answers.TURNOVER_LABELS;
      default -> List.<String>of();
    });
    if (step != Step.ECONOMY) {
      choices.add(messages.text(language, "profile_skip"));
    }
    return new Reply(step.question(), Map.of(), choices.stream().map(OutgoingMessage::choice).toList());
  }

  /** The profile with the answer to the step in it; empty when the answer cannot be read. */
  private Optional<Profile> read(Step step, String text, Profile p) {
    String answer = text.strip();
    return switch (step) {
      case ECONOMY -> Answers.economy(answer, knowledge.get().economies())
          .map(e -> new Profile(null, e, p.sector(), p.products(), p.exportsTo(), p.facts(), p.roles()));
      case SECTOR -> Optional.of(new Profile(null, p.economy(), cut(answer, 256), p.products(), p.exportsTo(),
          p.facts(), p.roles()));
      case PRODUCTS -> Optional.of(new Profile(null, p.economy(), p.sector(), Answers.list(answer), p.exportsTo(),
          p.facts(), p.roles()));
      case EXPORTS -> Optional.of(p.withExportsTo(Answers.list(answer).stream()
          .flatMap(e -> Answers.economy(e, knowledge.get().economies()).stream()).distinct().toList()));
      case EMPLOYEES -> Answers.size(answer, Answers.EMPLOYEE_BANDS).map(v -> p.withFact(Fact.EMPLOYEES, v));
      case TURNOVER -> Answers.size(answer, Answers.TURNOVER_BANDS).map(v -> p.withFact(Fact.TURNOVER_EUR, v));
      case EMISSIONS -> Answers.size(answer, Map.of()).map(v -> p.withFact(Fact.ANNUAL_EMISSIONS_TCO2E, v));
    };
  }

  private static String cut(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars);
  }

  private static Profile empty() {
    return new Profile(null, null, null, List.of(), List.of(), Map.of(), Set.of());
  }
}
