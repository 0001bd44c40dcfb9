package org.greendesk.profiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.messages.Messages;
import org.greendesk.messages.Reply;
import org.greendesk.profile.CheckResult;
import org.greendesk.profile.CheckResult.Finding;
import org.greendesk.profile.Checker;
import org.greendesk.profile.Profile;

/**
 * {@code /check} in chat: the {@link Checker} run on the SME's stored profile, said in a chat-sized message (the
 * first few of each list, the framing words in the SME's language, the titles and reasons as the knowledge states
 * them), with the offer of an advisor to review it. Thread safe.
 */
public final class ChatCheck {
  /** Items shown a list: a chat message is not a report. */
  private static final int SHOWN = 4;
  private static final int WHY_CHARS = 110;
  private final ProfileStore store;
  private final Supplier<KnowledgeBase> knowledge;
  private final Messages messages;
  private final Clock clock;

  public ChatCheck(ProfileStore store, Supplier<KnowledgeBase> knowledge, Messages messages, Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.messages = messages;
    this.clock = clock;
  }

  public Reply check(long conversationId, String language) {
    Optional<Profile> profile = store.find(conversationId).map(ProfileStore.Stored::profile)
        .filter(p -> p.economy() != null);
    if (profile.isEmpty()) {
      return new Reply("check_needs_profile", Map.of(), List.of(OutgoingMessage.choice("/profile")));
    }
    CheckResult result = new Checker(knowledge.get()).check(profile.get(),
        LocalDate.ofInstant(clock.instant(), clock.getZone()));
    String text = String.join("\n\n", List.of(
        section(language, "check_applies", result.applies(), false),
        section(language, "check_to_check", result.toCheck(), true),
        section(language, "check_funding", result.funding(), false),
        section(language, "check_events", result.events(), false)));
    return new Reply("check_result", Map.of("economy", profile.get().economy(), "result", text),
        List.of("advisor"));
  }

  private String section(String language, String heading, List<Finding> findings, boolean why) {
    String items = findings.isEmpty() ? "• " + messages.text(language, "check_none")
        : findings.stream().limit(SHOWN).map(f -> "• " + f.title()
            + (f.nextDate() == null ? "" : " (" + f.nextDate() + ")")
            + (why ? ": " + cut(f.why()) : "")).collect(Collectors.joining("\n"));
    String more = findings.size() > SHOWN
        ? "\n" + messages.text(language, "check_more", Map.of("count", String.valueOf(findings.size() - SHOWN))) : "";
    return messages.text(language, heading) + "\n" + items + more;
  }

  private static String cut(String text) {
    return text.length() <= WHY_CHARS ? text : text.substring(0, WHY_CHARS - 1).strip() + "…";
  }
}
