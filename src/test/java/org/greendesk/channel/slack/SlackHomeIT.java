package org.greendesk.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Handoff;
import org.greendesk.assistant.Intent;
import org.greendesk.assistant.Turn;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Service;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.Handoffs;
import org.greendesk.handoff.KnowledgeCandidate;
import org.greendesk.handoff.KnowledgeCandidates;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.knowledge.KnowledgeFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App Home tab and the gap loop's buttons, through signed events and real Bolt, on a database the desk's own
 * stores filled and a knowledge folder of the test's own.
 */
class SlackHomeIT {
  @TempDir Path data;
  @TempDir Path knowledge;
  private SlackService running;
  private FakeSlackApi slack;
  private Service service;
  private SignedRequests requests;
  private KnowledgeCandidates candidates;
  private int chats;

  @BeforeEach
  void start() throws Exception {
    running = new SlackService(data, knowledge, "USTAFF,UANNA");
    slack = running.slack;
    service = running.service;
    requests = running.requests;
    candidates = new KnowledgeCandidates(service.services().database().jdbc());
    seed(service.services());
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  /** Two weak answers to one question, a case Anna holds, and one she resolved after answering it. */
  private void seed(DeskServices desk) {
    weakAnswer("Heat pump subsidies in Busan?");
    weakAnswer("heat pump subsidies for Busan");
    desk.escalations().addAdvisor("UANNA", "Anna", List.of(), List.of());
    Escalation held = escalate(desk, "Is our permit still valid?");
    desk.handoffs().claim(held.id(), "UANNA");
    Escalation answered = escalate(desk, "Can we export scrap steel to the EU?");
    desk.handoffs().claim(answered.id(), "UANNA");
    desk.handoffs().reply(answered.id(), "UANNA", "Yes, with a CBAM declaration from 2026.");
    desk.handoffs().resolve(answered.id(), "UANNA");
  }

  private void weakAnswer(String question) {
    long id = service.services().conversations().conversation("telegram", "w" + ++chats, "SME",
        Clock.systemUTC().instant()).id();
    service.services().conversations().storeAnswer(id, new Turn(question, new Answer(question, "maybe", List.of(),
        0.4, Intent.FUNDING, Handoff.OFFERED, "weak match"), Set.of()), Clock.systemUTC().instant());
  }

  private Escalation escalate(DeskServices desk, String question) {
    long id = desk.conversations().conversation("telegram", "e" + ++chats, "SME", Clock.systemUTC().instant()).id();
    return desk.handoffs().open(new Handoffs.Request(id, "legal matter", question, "regulation", List.of("EU"),
        List.of(), null));
  }

  private String homeOpenedBy(String user) throws Exception {
    requests.event("Ev" + user, Map.of("type", "app_home_opened", "user", user, "channel", "D" + user,
        "tab", "home", "event_ts", "1.1"));
    return slack.next(c -> c.startsWith("views.publish") && c.contains("user_id=" + user));
  }

  private long offered() {
    return candidates.offered(10).get(0).id();
  }

  @Test
  void should_show_the_queue_own_cases_figures_gaps_and_candidates() throws Exception {
    String home = homeOpenedBy("UANNA");

    assertThat(home).contains("\"type\":\"home\"", "Open escalations, oldest first", "Your open cases",
        "Claimed by *Anna*", "Figures for the last 7 days", "routed to a person *2*",
        "*2×* heat pump subsidies", "Can we export scrap steel to the EU?", "with a CBAM declaration",
        SlackHome.ACCEPT, SlackHome.DISMISS);
  }

  @Test
  void should_list_the_documents_to_check_overdue_or_with_unconfirmed_facts() throws Exception {
    KnowledgeFiles.write(knowledge, "funding/beta-loans.md", KnowledgeFiles.document("beta-loans",
        "Beta loans for heat pumps", "funding", "Beta loans finance heat pumps.").replace("reviewed: 2026-11-01",
        "reviewed: 2020-01-01\nreview_every: 90\nverification: unconfirmed\n"
            + "verification_note: The 2027 interest rate was not published."));
    running.greenDesk.reload();

    String home = homeOpenedBy("UBEN");

    assertThat(home).contains("Knowledge to check", "1 overdue for a check", "1 with facts marked unconfirmed",
        "*Beta loans for heat pumps* (`beta-loans`): check due 2020-03-31, last checked 2020-01-01",
        "(`beta-loans`): unconfirmed: The 2027 interest rate was not published.").doesNotContain("alpha-grant");
  }

  @Test
  void should_show_candidates_to_staff_only() throws Exception {
    String home = homeOpenedBy("UBEN");

    assertThat(home).contains("Your open cases*: none.", "Knowledge gaps this week")
        .doesNotContain(SlackHome.ACCEPT, "scrap steel");
  }

  @Test
  void should_accept_a_candidate_into_a_draft_for_staff() throws Exception {
    long id = offered();

    requests.press(SlackHome.ACCEPT, String.valueOf(id), "USTAFF", null, null);
    String home = slack.next(c -> c.startsWith("views.publish") && c.contains("user_id=USTAFF"));

    Path drafts = knowledge.resolve(KnowledgeDrafts.FOLDER);
    assertThat(home).contains("Draft written", "drafts/").doesNotContain(SlackHome.ACCEPT);
    assertThat(candidates.find(id).orElseThrow().state()).isEqualTo(KnowledgeCandidate.State.ACCEPTED);
    try (var files = Files.list(drafts)) {
      assertThat(files.toList()).singleElement().satisfies(draft -> assertThat(Files.readString(draft))
          .contains("status: draft", "Can we export scrap steel", "with a CBAM declaration from 2026."));
    }
  }

  @Test
  void should_refuse_decisions_from_a_non_staff_user_and_record_a_dismissal() throws Exception {
    long id = offered();

    requests.press(SlackHome.ACCEPT, String.valueOf(id), "UBEN", null, null);
    String refused = slack.next(c -> c.startsWith("views.publish") && c.contains("user_id=UBEN"));
    requests.press(SlackHome.DISMISS, String.valueOf(id), "USTAFF", null, null);
    String dismissed = slack.next(c -> c.startsWith("views.publish") && c.contains("user_id=USTAFF"));

    assertThat(refused).contains("Only GreenDesk staff can accept or dismiss");
    assertThat(knowledge.resolve(KnowledgeDrafts.FOLDER)).doesNotExist();
    assertThat(dismissed).contains("Dismissed.");
    assertThat(candidates.find(id).orElseThrow().state()).isEqualTo(KnowledgeCandidate.State.DISMISSED);
  }
}
