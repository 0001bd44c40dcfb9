package org.greendesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.greendesk.channel.web.WebChannel;
import org.greendesk.config.DeskServices;
import org.greendesk.config.Settings;
import org.greendesk.config.TestDesk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.handoff.Escalation;
import org.greendesk.store.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull channel's mailbox, over the real desk, outbox and sender on an H2 file. */
class MailboxIT {
  @TempDir Path data;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
  private DeskServices services;
  private Mailbox mailbox;

  @BeforeEach
  void open() {
    services = DeskServices.withDesk(Settings.from(Map.of("GREENDESK_DATA_DIR", data.toString())),
        TestDesk.get().assistant(), Map.of(WebChannel.NAME, new WebChannel()), new RecordingDesk(), clock);
    services.escalations().addAdvisor("kim", "Kim", List.of(), List.of());
    mailbox = new Mailbox(services.database().jdbc());
  }

  @AfterEach
  void close() {
    services.close();
  }

  private void send(String chat, String text) {
    services.desk().receive(new InboundMessage(WebChannel.NAME, chat, null, text, null));
  }

  private List<String> texts(String chat, long after) {
    return mailbox.after(WebChannel.NAME, chat, after, 50).stream().map(d -> d.message().text()).toList();
  }

  @Test
  void should_show_a_recipient_only_its_sent_messages_in_order_after_the_cursor() {
    send("a", "What is CBAM?");
    send("a", "What is REACH?");
    send("b", "What is the EU LIFE programme?");
    assertThat(texts("a", 0)).isEmpty();

    services.sender().drainOnce();

    List<Mailbox.Delivered> delivered = mailbox.after(WebChannel.NAME, "a", 0, 50);
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(0).message().text()).contains("CBAM");
    assertThat(delivered.get(0).author()).isEqualTo(Outbox.Author.BOT);
    assertThat(delivered.get(0).message().links()).isNotEmpty();
    assertThat(texts("a", delivered.get(0).id())).singleElement().asString().contains("REACH");
    assertThat(mailbox.after(WebChannel.NAME, "a", 0, 1)).hasSize(1);
    assertThat(texts("b", 0)).singleElement().asString().contains("LIFE");
  }

  @Test
  void should_never_show_a_bot_answer_dropped_because_an_advisor_took_over() {
    send("a", "I want to talk to a person");
    services.sender().drainOnce();
    Escalation escalation = services.escalations().open().get(0);
    send("a", "What is REACH?");

    services.handoffs().claim(escalation.id(), "kim");
    services.sender().drainOnce();

    assertThat(texts("a", 0)).noneMatch(t -> t.contains("REACH"));
    assertThat(texts("a", 0)).last().isEqualTo("Kim has joined the conversation and will reply here.");
  }

  @Test
  void should_leave_out_what_the_sme_asked_to_forget() {
    send("a", "What is CBAM?");
    services.sender().drainOnce();

    services.desk().forget(WebChannel.NAME, "a");

    assertThat(texts("a", 0)).isEmpty();
  }
}
