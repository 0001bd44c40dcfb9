package org.greendesk.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.greendesk.knowledge.KnowledgeDrafts;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/**
 * The gap loop's store: when an escalation is resolved, what the advisor wrote to the SME is offered, with the
 * question, as candidate knowledge; a staff member then accepts it (into a draft document) or dismisses it, once.
 * Thread safe.
 */
public final class KnowledgeCandidates {
  /** The contract's categories; a topic outside them (an advisor request, small talk) drafts as a guide. */
  private static final Set<String> CATEGORIES = Set.of("regulation", "funding", "event", "organisation",
      "directory", "guide");
  private static final String COLUMNS = "id, escalation_id, question, answer, topic, economies, state, created_at";
  private final Jdbc jdbc;

  public KnowledgeCandidates(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes the candidates drawn from a conversation whose SME asked to be forgotten. */
  public void forget(long conversationId) {
    jdbc.update("DELETE FROM knowledge_candidates WHERE conversation_id = ?", conversationId);
  }

  /**
   * Offers what the holding advisor wrote since the claim; nothing when they wrote nothing. Call inside the
   * resolution's transaction.
   *
   * @param answers what the advisor wrote since the claim, oldest first
   */
  void offer(Escalation resolved, List<String> answers, Instant now) {
    if (answers.isEmpty()) {
      return;
    }
    jdbc.insert("INSERT INTO knowledge_candidates (escalation_id, conversation_id, question, answer, topic, economies, "
        + "state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", resolved.id(), resolved.conversationId(),
        resolved.question(), String.join("\n\n", answers), resolved.topic().isEmpty() ? null : resolved.topic(),
        String.join(",", resolved.economies()), KnowledgeCandidate.State.OFFERED.name(), now);
  }

  /** Candidates waiting for a decision, oldest first. */
  public List<KnowledgeCandidate> offered(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM knowledge_candidates WHERE state = ? ORDER BY id LIMIT " + limit,
        KnowledgeCandidates::candidate, KnowledgeCandidate.State.OFFERED.name());
  }

  public Optional<KnowledgeCandidate> find(long id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM knowledge_candidates WHERE id = ?",
        KnowledgeCandidates::candidate, id);
  }

  /**
   * Records the decision if none was made yet.
   *
   * @param draft where the accepted candidate's draft was written, or {@code null}
   * @return false when it was decided before (by someone else, or a second press)
   */
  public boolean decide(long id, KnowledgeCandidate.State decision, String by, @Nullable String draft, Instant now) {
    if (decision == KnowledgeCandidate.State.OFFERED) {
      throw new IllegalArgumentException("a decision is accepted or dismissed");
    }
    return jdbc.update("UPDATE knowledge_candidates SET state = ?, decided_by = ?, decided_at = ?, draft = ? "
        + "WHERE id = ? AND state = ?", decision.name(), EscalationStore.cut(by, 64), now, draft, id,
        KnowledgeCandidate.State.OFFERED.name()) == 1;
  }

  /**
   * Accepts the candidate into a draft document in the knowledge folder's drafts, if nobody decided it yet; the
   * decision and the file stand or fall together.
   *
   * @param by who accepted it
   * @return the draft written; empty when the candidate was decided before, or is unknown
   * @throws IOException when the draft cannot be written: the candidate stays offered
   */
  public Optional<Path> accept(long id, String by, KnowledgeDrafts drafts, Instant now) throws IOException {
    try {
      return jdbc.inTransaction(() -> {
        Optional<KnowledgeCandidate> found = find(id).filter(c -> c.state() == KnowledgeCandidate.State.OFFERED);
        if (found.isEmpty()) {
          return Optional.<Path>empty();
        }
        KnowledgeDrafts.Draft draft = draft(found.get(), by, now);
        if (!decide(id, KnowledgeCandidate.State.ACCEPTED, by, draft.id() + ".md", now)) {
          return Optional.<Path>empty();
        }
        try {
          return Optional.of(drafts.write(draft));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static KnowledgeDrafts.Draft draft(KnowledgeCandidate c, String by, Instant now) {
    String category = c.topic() != null && CATEGORIES.contains(c.topic()) ? c.topic() : "guide";
    String title = c.question().replaceAll("\\s+", " ").strip();
    title = title.length() <= 80 ? title : title.substring(0, 79) + "…";
    String note = "Curated answer from an advisor in escalation #" + c.escalationId() + ", accepted by " + by + " on "
        + now.atOffset(ZoneOffset.UTC).toLocalDate() + ". Check the facts and take out anything personal about the "
        + "SME; make the answer name its subject and state the fact in at most 300 characters; then move the Q: and "
        + "A: lines into the Questions section of the " + category + " document they belong to, and delete this file.";
    return new KnowledgeDrafts.Draft(KnowledgeDrafts.id(c.question(), 6, "escalation-" + c.escalationId()), title,
        category, c.economies(), note, c.question(), c.answer(), now.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  private static KnowledgeCandidate candidate(java.sql.ResultSet row) throws java.sql.SQLException {
    return new KnowledgeCandidate(row.getLong("id"), row.getLong("escalation_id"), row.getString("question"),
        row.getString("answer"), row.getString("topic"), EscalationStore.list(row.getString("economies")),
        KnowledgeCandidate.State.valueOf(row.getString("state")), Jdbc.instant(row, "created_at"));
  }
}
