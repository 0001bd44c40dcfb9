package org.greendesk.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationIds;
import org.greendesk.handoff.HandoffException;
import org.greendesk.handoff.Handoffs;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.knowledge.KnowledgeLoader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code advisor}: the advisor desk in a terminal, for a centre without Slack (and for trying the whole handoff
 * on one machine): list the queue, read a case, claim it, reply to the SME, resolve, release or return it.
 */
@Command(name = "advisor", mixinStandardHelpOptions = true,
    description = {"The advisor desk in the terminal.",
        "  advisor list                         open escalations, oldest first",
        "  advisor show ID                      the brief and the conversation",
        "  advisor add --as ID --name NAME [--topics a,b] [--economies X,Y]",
        "  advisor claim|release|resolve|return ID --as ID",
        "  advisor reply ID --as ID TEXT        a message to the SME (only the advisor holding the case)"})
final class AdvisorCommand implements Callable<Integer> {
  private final Settings settings;
  private final Terminal terminal;
  /** What is unconfirmed, by document id; read when first needed. */
  private @Nullable Map<String, String> unconfirmed;

  @Parameters(index = "0", paramLabel = "ACTION", description = "list, show, add, claim, reply, release, resolve, return")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "the escalation")
  @Nullable Long id;

  @Parameters(index = "2..*", paramLabel = "TEXT", description = "the reply")
  List<String> words = List.of();

  @Option(names = "--as", paramLabel = "ID", description = "the advisor acting (their Slack user id or console name)")
  @Nullable String advisor;

  @Option(names = "--name", description = "with add: the advisor's name as SMEs see it")
  @Nullable String name;

  @Option(names = "--topics", split = ",", description = "with add: intents they take (regulation, funding...)")
  List<String> topics = List.of();

  @Option(names = "--economies", split = ",", description = "with add: economies they know")
  List<String> economies = List.of();

  AdvisorCommand(Settings settings, Terminal terminal) {
    this.settings = settings;
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    try (DeskServices services = DeskServices.handoffsOnly(settings, this::unconfirmed, Clock.systemUTC())) {
      return run(services);
    } catch (HandoffException | IllegalArgumentException | IllegalStateException e) {
      terminal.err().println(e.getMessage());
      return 1;
    }
  }

  private int run(DeskServices services) {
    Handoffs handoffs = services.handoffs();
    switch (action.toLowerCase(Locale.ROOT)) {
      case "list" -> list(services);
      case "show" -> {
        Escalation e = escalation(services);
        terminal.out().println(handoffs.brief(e));
        terminal.out().println("State: " + e.state().wire() + (e.overdue() ? " (overdue)" : ""));
        terminal.out().println("History: " + String.join("; ", services.escalations().history(e.id())));
        terminal.out().println("Conversation:");
        services.conversations().transcript(e.conversationId()).forEach(m -> terminal.out().println("  " + m));
      }
      case "add" -> {
        services.escalations().addAdvisor(who(), require(name, "--name"), topics, economies);
        terminal.out().println("Advisor " + name + " added as " + who() + ".");
      }
      case "claim" -> done(handoffs.claim(requireId(), who()));
      case "release" -> done(handoffs.release(requireId(), who()));
      case "resolve" -> done(handoffs.resolve(requireId(), who()));
      case "return" -> done(handoffs.returnToBot(requireId(), who()));
      case "dismiss" -> {
        List<Long> dismissed = handoffs.dismiss(EscalationIds.parse(requireId() + " " + String.join(" ", words)), who());
        terminal.out().println(dismissed.isEmpty() ? "Nothing dismissed: none of them is queued."
            : "Dismissed " + dismissed.size() + " queued escalation(s): " + dismissed + ".");
      }
      case "reply" -> {
        if (words.isEmpty()) {
          throw new IllegalArgumentException("reply needs the text: advisor reply ID --as ID TEXT");
        }
        handoffs.reply(requireId(), who(), String.join(" ", words));
        terminal.out().println("Sent to the SME.");
      }
      default -> throw new IllegalArgumentException("unknown action '" + action
          + "': use list, show, add, claim, reply, release, resolve, return or dismiss");
    }
    return 0;
  }

  /**
   * What is unconfirmed in a cited document, from the knowledge folder, read the first time a brief asks; a
   * folder that cannot be read leaves the brief without.
   */
  private Optional<String> unconfirmed(String documentId) {
    if (unconfirmed == null) {
      Map<String, String> notes = new HashMap<>();
      try {
        new KnowledgeLoader().load(settings.knowledgeDir()).documents().forEach(d -> {
          if (d.review().unconfirmed() != null) {
            notes.put(d.id(), d.review().unconfirmed());
          }
        });
      } catch (KnowledgeFormatException | RuntimeException e) {
        terminal.err().println("(The knowledge folder could not be read; the brief does not say what is unconfirmed.)");
      }
      unconfirmed = notes;
    }
    return Optional.ofNullable(unconfirmed.get(documentId));
  }

  private void list(DeskServices services) {
    List<Escalation> open = services.escalations().open();
    if (open.isEmpty()) {
      terminal.out().println("No open escalations.");
    }
    Instant now = Instant.now();
    for (Escalation e : open) {
      String holder = e.advisorId() == null ? "" : " by " + services.escalations().advisor(e.advisorId())
          .map(a -> a.name()).orElse("?");
      terminal.out().printf(Locale.ROOT, "#%d %s%s, %d min%s · %s%s · %s · %s%n", e.id(), e.state().wire(), holder,
          Duration.between(e.createdAt(), now).toMinutes(), e.overdue() ? " OVERDUE" : "", e.topic(),
          e.economies().isEmpty() ? "" : " · " + String.join(", ", e.economies()), e.reason(), e.question());
    }
  }

  private void done(Escalation e) {
    terminal.out().println("Escalation #" + e.id() + " is now " + e.state().wire() + ".");
  }

  private Escalation escalation(DeskServices services) {
    long wanted = requireId();
    return services.escalations().find(wanted)
        .orElseThrow(() -> new IllegalArgumentException("no escalation " + wanted));
  }

  private long requireId() {
    if (id == null) {
      throw new IllegalArgumentException(action + " needs an escalation id");
    }
    return id;
  }

  private String who() {
    return require(advisor, "--as");
  }

  private static String require(@Nullable String value, String option) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("this action needs " + option);
    }
    return value;
  }
}
