package org.greendesk.channel.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.greendesk.delivery.SendException;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.KnowledgeCandidate;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.stats.KnowledgeGap;
import org.greendesk.stats.Period;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The App Home tab: the queue, the viewer's own open cases, the week's figures, the knowledge gaps, the documents
 * to check (overdue for a check, or with facts marked unconfirmed), and for staff the candidate knowledge from
 * resolved escalations with Accept and Dismiss (the gap loop). Published after the acknowledgement, and again
 * after each decision.
 */
final class SlackHome {
  private static final Logger LOG = LoggerFactory.getLogger(SlackHome.class);
  static final String ACCEPT = "candidate_accept";
  static final String DISMISS = "candidate_dismiss";
  private static final int GAPS = 10;
  private static final int CANDIDATES = 10;

  private final SlackServices services;
  private final MethodsClient client;

  SlackHome(SlackServices services, MethodsClient client) {
    this.services = services;
    this.client = client;
  }

  /** Publishes the user's Home (after the acknowledgement), with a notice at the top when there is one. */
  void refresh(String userId, @Nullable String notice) {
    services.lanes().submit("slack:home:" + userId, () -> {
      try {
        List<LayoutBlock> blocks = blocks(userId, notice);
        SlackAdvisorDesk.call(() -> client.viewsPublish(r -> r.userId(userId)
            .view(View.builder().type("home").blocks(blocks).build())));
      } catch (SendException e) {
        LOG.warn("App Home not published: {}", e.getMessage());
      }
    });
  }

  /** Staff only: the candidate into a draft document. */
  void accept(String userId, long candidateId) {
    if (!services.isStaff(userId)) {
      refresh(userId, ":no_entry: Only GreenDesk staff can accept or dismiss candidate knowledge.");
      return;
    }
    String notice;
    try {
      Optional<Path> draft = services.candidates().accept(candidateId, userId, services.drafts(),
          services.clock().instant());
      notice = draft.map(file -> ":memo: Draft written: `" + KnowledgeDrafts.FOLDER + "/" + file.getFileName()
          + "`. Check it and move it into its category's folder, then `/greendesk reindex`.").orElse(ALREADY_DECIDED);
    } catch (IOException e) {
      LOG.warn("draft not written: {}", e.toString());
      notice = ":warning: The draft could not be written (" + e.getMessage() + "); the candidate is still offered.";
    }
    refresh(userId, notice);
  }

  private static final String ALREADY_DECIDED = "That candidate was already accepted or dismissed.";

  /** Staff only: the candidate set aside, recorded. */
  void dismiss(String userId, long candidateId) {
    if (!services.isStaff(userId)) {
      refresh(userId, ":no_entry: Only GreenDesk staff can accept or dismiss candidate knowledge.");
      return;
    }
    boolean done = services.candidates().decide(candidateId, KnowledgeCandidate.State.DISMISSED, userId, null,
        services.clock().instant());
    refresh(userId, done ? "Dismissed." : ALREADY_DECIDED);
  }

  List<LayoutBlock> blocks(String userId, @Nullable String notice) {
    Instant now = services.clock().instant();
    List<Escalation> open = services.escalations().open();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("GreenDesk"))));
    if (notice != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(notice)))));
    }
    blocks.add(text(QueueText.of("Open escalations, oldest first", open, services.escalations(), now)));
    Optional<Long> me = services.escalations().advisor(userId).map(Advisor::id);
    List<Escalation> mine = open.stream().filter(e -> me.isPresent() && Objects.equals(e.advisorId(), me.get()))
        .toList();
    blocks.add(text(QueueText.of("Your open cases", mine, services.escalations(), now)));
    blocks.add(divider());
    blocks.add(text(FiguresText.of(services.stats().figures(Period.parse("7d", services.clock())))));
    blocks.add(divider());
    blocks.add(text(gaps(services.stats().gaps(now.minus(Duration.ofDays(7)), GAPS))));
    blocks.add(divider());
    KnowledgeText.toCheck(services.knowledge().get(), LocalDate.now(services.clock()))
        .forEach(part -> blocks.add(text(part)));
    if (services.isStaff(userId)) {
      blocks.addAll(candidates(services.candidates().offered(CANDIDATES)));
    }
    return blocks;
  }

  private static String gaps(List<KnowledgeGap> gaps) {
    if (gaps.isEmpty()) {
      return "*Knowledge gaps this week*: none, every question was answered with confidence.";
    }
    StringBuilder text = new StringBuilder("*Knowledge gaps this week*: questions the bot could not answer well");
    for (KnowledgeGap gap : gaps) {
      text.append("\n• *").append(gap.count()).append("×* ").append(EscalationCard.escape(gap.question()));
    }
    return text.toString();
  }

  private static List<LayoutBlock> candidates(List<KnowledgeCandidate> offered) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(divider());
    blocks.add(text(offered.isEmpty() ? "*Candidate knowledge*: none waiting."
        : "*Candidate knowledge*: advisors' answers in resolved escalations. Accept writes a draft document into "
            + "the knowledge folder's `drafts/`; Dismiss sets it aside."));
    for (KnowledgeCandidate c : offered) {
      blocks.add(text("*Q:* " + EscalationCard.escape(c.question()) + "\n*A:* " + EscalationCard.escape(c.answer())));
      blocks.add(context(x -> x.elements(List.of(markdownText("From escalation #" + c.escalationId())))));
      String id = String.valueOf(c.id());
      blocks.add(actions(a -> a.elements(List.of(
          ButtonElement.builder().actionId(ACCEPT).text(plainText("Accept")).value(id).style("primary").build(),
          ButtonElement.builder().actionId(DISMISS).text(plainText("Dismiss")).value(id).build()))));
    }
    return blocks;
  }

  private static LayoutBlock text(String mrkdwn) {
    String fitted = SlackBlocks.fit(mrkdwn);
    return section(s -> s.text(markdownText(fitted)));
  }
}
