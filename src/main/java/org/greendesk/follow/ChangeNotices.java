package org.greendesk.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.greendesk.delivery.Outbox;
import org.greendesk.delivery.OutgoingMessage;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.messages.Messages;
import org.greendesk.store.Jdbc;
import org.greendesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a reload, tells each SME who follows a changed document (itself, one of its topics, its economy, or for an
 * event the events of its economy) one short message naming the sections that changed, with the document's link.
 * A document whose front matter alone changed (a review date) is not news to an SME and is not told. Each notice is
 * written to the outbox with its row in {@code change_notices_sent}, keyed by the SME, the document and the two
 * versions, so telling the same change twice (a repeated reload, a second instance) sends nothing. Thread safe.
 */
public final class ChangeNotices {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
  private final Jdbc jdbc;
  private final FollowStore store;
  private final Recipients recipients;
  private final Outbox outbox;
  private final Messages messages;
  private final Clock clock;

  public ChangeNotices(Jdbc jdbc, FollowStore store, Recipients recipients, Outbox outbox, Messages messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.recipients = recipients;
    this.outbox = outbox;
    this.messages = messages;
    this.clock = clock;
  }

  /** Tells the followers of each changed document; returns how many notices were written. */
  public int tell(KnowledgeChanges changes, KnowledgeBase before, KnowledgeBase after) {
    int told = 0;
    for (KnowledgeChanges.ChangedDocument changed : changes.changed()) {
      Optional<KnowledgeDocument> document = after.document(changed.id());
      if (changed.sections().isEmpty() || document.isEmpty()) {
        continue;
      }
      String version = before.document(changed.id()).map(d -> d.contentHash().substring(0, 16)).orElse("")
          + ":" + document.get().contentHash();
      for (long sme : store.followers(followsOf(document.get()))) {
        if (tell(sme, document.get(), changed.sections(), version)) {
          told++;
        }
      }
    }
    if (told > 0) {
      LOG.info("told {} followers of changed documents", told);
    }
    return told;
  }

  /** Every follow that covers the document. */
  static List<Follow> followsOf(KnowledgeDocument document) {
    List<Follow> follows = new ArrayList<>();
    follows.add(new Follow(Follow.Kind.DOCUMENT, document.id(), ""));
    document.topics().forEach(t -> follows.add(new Follow(Follow.Kind.TOPIC, t.toLowerCase(Locale.ROOT), "")));
    document.economies().forEach(e -> follows.add(new Follow(Follow.Kind.ECONOMY, e, "")));
    if (document.category().equals("event")) {
      follows.add(new Follow(Follow.Kind.EVENTS, "", ""));
      document.economies().forEach(e -> follows.add(new Follow(Follow.Kind.EVENTS, e, "")));
    }
    return follows;
  }

  private boolean tell(long sme, KnowledgeDocument document, List<String> sections, String version) {
    try {
      return jdbc.inTransaction(() -> {
        Optional<Recipients.Recipient> to = recipients.of(sme);
        if (to.isEmpty()) {
          return false;
        }
        Instant now = clock.instant();
        jdbc.update("INSERT INTO change_notices_sent (sme_id, document_id, version, sent_at) VALUES (?, ?, ?, ?)",
            sme, document.id(), version, now);
        String language = to.get().language();
        String named = sections.stream().map(s -> s.equals(KnowledgeChanges.INTRODUCTION)
            ? messages.text(language, "follow_section_intro") : s).collect(Collectors.joining(", "));
        List<OutgoingMessage.Link> links = document.source() == null ? List.of()
            : List.of(new OutgoingMessage.Link(document.shortName(), document.source()));
        outbox.toSme(to.get().conversationId(), to.get().channel(), to.get().chatId(), Outbox.Author.SYSTEM,
            new OutgoingMessage(messages.text(language, "follow_changed", Map.of("title", document.shortName(),
                "sections", named)), links, List.of(), language), now);
        return true;
      });
    } catch (StoreException e) {
      if (e.isDuplicateKey()) {
        return false;
      }
      throw e;
    }
  }
}
