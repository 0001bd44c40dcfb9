package org.greendesk.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.greendesk.assistant.Assistant;
import org.greendesk.assistant.Turn;
import org.greendesk.contract.AskRequest;
import org.greendesk.contract.Json;
import org.greendesk.conversation.ConversationStore;
import org.greendesk.handoff.Advisor;
import org.greendesk.handoff.Escalation;
import org.greendesk.handoff.EscalationStore;
import org.greendesk.knowledge.CalendarEvent;
import org.greendesk.knowledge.KnowledgeBase;
import org.greendesk.knowledge.KnowledgeChanges;
import org.greendesk.knowledge.KnowledgeDocument;
import org.greendesk.knowledge.KnowledgeFormatException;
import org.greendesk.knowledge.KnowledgeProblem;
import org.greendesk.search.KnowledgeReload;
import org.greendesk.search.Reindexed;
import org.greendesk.search.SearchQuery;
import org.greendesk.web.JsonRequests;
import org.greendesk.web.RateLimiter;
import org.greendesk.web.StaticFile;
import org.greendesk.web.WebRoutes;
import org.jspecify.annotations.Nullable;

/**
 * The REST API, as {@code /api/openapi.yaml} describes it. Every request counts against its client's rate limit;
 * a malformed one gets 400 with a JSON error naming the problem. {@code POST /api/ask} answers like
 * {@code ask --json}: the assistant's answer, in the contract's JSON; requests that share a {@code conversation}
 * are turns of one conversation, remembered in the database (channel {@code api}) so that any instance can take
 * the next turn. It opens no escalation: a conversation with a person goes through a channel, such as the web chat.
 * {@code GET /api/events.ics} serves the calendar as an iCalendar feed ({@link CalendarFeed}); staff endpoints
 * ({@code GET /api/escalations}, {@code POST /api/reindex}) need the staff token.
 */
public final class ApiRoutes implements WebRoutes {
  private static final String CHANNEL = "api";
  private static final int MAX_QUESTION_CHARS = 4_000;
  private static final int MAX_CONVERSATION_CHARS = 128;

  private final Supplier<Assistant> assistant;
  private final Supplier<KnowledgeBase> knowledge;
  private final KnowledgeReload reload;
  private final ConversationStore conversations;
  private final EscalationStore escalations;
  private final StaffToken staff;
  private final RateLimiter limiter;
  private final Clock clock;

  /**
   * @param assistant and {@code knowledge} are asked for on each request, so that a reload is seen
   * @param reload reloads the knowledge folder, for staff
   * @param staffToken {@code GREENDESK_API_TOKEN}, or {@code null}: the staff endpoints are off
   */
  public ApiRoutes(Supplier<Assistant> assistant, Supplier<KnowledgeBase> knowledge, KnowledgeReload reload,
      ConversationStore conversations, EscalationStore escalations, @Nullable String staffToken, RateLimiter limiter,
      Clock clock) {
    this.assistant = assistant;
    this.knowledge = knowledge;
    this.reload = reload;
    this.conversations = conversations;
    this.escalations = escalations;
    this.staff = new StaffToken(staffToken);
    this.limiter = limiter;
    this.clock = clock;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.before("/api/*", limiter::check);
    routes.get("/api/openapi.yaml", new StaticFile("/api/openapi.yaml", "application/yaml; charset=utf-8", Map.of()));
    routes.post("/api/ask", this::ask);
    routes.get("/api/events", this::events);
    routes.get("/api/events.ics", ctx -> ctx.contentType(CalendarFeed.CONTENT_TYPE)
        .result(CalendarFeed.of(knowledge.get(), clock.instant())));
    routes.get("/api/documents/{id}", this::document);
    routes.get("/api/escalations", this::escalations);
    routes.post("/api/reindex", this::reindex);
  }

  private void ask(Context ctx) {
    AskRequest request;
    try {
      request = AskRequest.parse(ctx.body());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    if (request.q().isBlank()) {
      throw new BadRequestResponse("\"q\" is empty: send the question");
    }
    if (request.q().length() > MAX_QUESTION_CHARS) {
      throw new BadRequestResponse("\"q\" is too long: " + request.q().length() + " characters, of at most "
          + MAX_QUESTION_CHARS);
    }
    String key = request.conversation();
    if (key != null && (key.isBlank() || key.length() > MAX_CONVERSATION_CHARS)) {
      throw new BadRequestResponse("\"conversation\" must be 1-" + MAX_CONVERSATION_CHARS + " characters");
    }
    int topK = (int) JsonRequests.number(ctx, "top_k", 3, 1, SearchQuery.MAX_TOP_K);
    Turn turn;
    if (key == null) {
      turn = assistant.get().reply(request.q(), List.of(), topK);
    } else {
      Instant now = clock.instant();
      long conversation = conversations.conversation(CHANNEL, key, null, now).id();
      turn = assistant.get().reply(request.q(), conversations.history(conversation), topK);
      conversations.storeAnswer(conversation, turn, now);
    }
    ObjectNode answer = Json.answer(turn.answer(), request.id());
    ctx.contentType("application/json").result(answer.toString());
  }

  /** {@code ?economy=Korea&from=2026-12-01&limit=20}: dated events not over by {@code from}, soonest first. */
  private void events(Context ctx) {
    KnowledgeBase base = knowledge.get();
    String economy = ctx.queryParam("economy");
    Set<String> economies = economy == null || economy.isBlank() ? Set.of() : base.economies().find(economy);
    if (economy != null && !economy.isBlank() && economies.isEmpty()) {
      throw new BadRequestResponse("unknown economy \"" + economy + "\": use a name from the knowledge's "
          + "knowledge.yaml, such as Korea or EU");
    }
    LocalDate from = date(ctx.queryParam("from"));
    int limit = (int) JsonRequests.number(ctx, "limit", 20, 1, 100);
    List<Map<String, Object>> events = base.calendar().upcoming(from, economies, e -> true, limit).stream()
        .map(ApiRoutes::event).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("economies", List.copyOf(economies));
    body.put("events", events);
    ctx.json(body);
  }

  private LocalDate date(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return LocalDate.now(clock);
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequestResponse("\"from\" must be a date as YYYY-MM-DD: " + value);
    }
  }

  private static Map<String, Object> event(CalendarEvent e) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("title", e.title());
    event.put("starts", e.starts().toString());
    event.put("ends", e.ends().toString());
    event.put("location", e.location());
    event.put("economies", e.economies());
    event.put("topics", e.topics());
    event.put("url", e.url());
    event.put("document", e.documentId());
    return event;
  }

  private void document(Context ctx) {
    String id = ctx.pathParam("id");
    KnowledgeDocument d = knowledge.get().document(id)
        .orElseThrow(() -> new NotFoundResponse("no document with id \"" + id + "\""));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", d.id());
    body.put("title", d.title());
    body.put("category", d.category());
    body.put("economies", d.economies());
    body.put("topics", d.topics());
    body.put("url", d.source());
    body.put("reviewed", d.reviewed() == null ? null : d.reviewed().toString());
    body.put("body", d.body());
    ctx.json(body);
  }

  /** Open escalations, oldest first (staff only). */
  private void escalations(Context ctx) {
    staff.require(ctx);
    ctx.json(Map.of("escalations", escalations.open().stream().map(this::escalation).toList()));
  }

  private Map<String, Object> escalation(Escalation e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", e.id());
    body.put("state", e.state().wire());
    body.put("conversation_id", e.conversationId());
    body.put("reason", e.reason());
    body.put("question", e.question());
    body.put("topic", e.topic());
    body.put("economies", e.economies());
    body.put("cited", e.cited());
    body.put("advisor", advisorName(e.advisorId()));
    body.put("suggested_advisor", advisorName(e.suggestedAdvisorId()));
    body.put("created_at", e.createdAt().toString());
    body.put("claimed_at", e.claimedAt() == null ? null : e.claimedAt().toString());
    body.put("overdue", e.overdue());
    return body;
  }

  /**
   * Staff only: reloads the knowledge folder and says what changed, by document and section; a broken file is
   * reported (422) with its file and line, and the knowledge served before stays in place.
   */
  private void reindex(Context ctx) throws IOException {
    staff.require(ctx);
    Reindexed reindexed;
    try {
      reindexed = reload.reload();
    } catch (KnowledgeFormatException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("error", "knowledge not reloaded: fix the problems "
          + "listed; the previous knowledge is still served", "problems", strings(e.problems())));
      return;
    }
    KnowledgeChanges changes = reindexed.knowledge();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documents", reindexed.documents());
    body.put("added", changes.added());
    body.put("removed", changes.removed());
    body.put("changed", changes.changed().stream().map(ApiRoutes::changed).toList());
    body.put("warnings", strings(reindexed.warnings()));
    ctx.json(body);
  }

  private static Map<String, Object> changed(KnowledgeChanges.ChangedDocument document) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", document.id());
    body.put("sections", document.sections());
    return body;
  }

  private static List<String> strings(List<KnowledgeProblem> problems) {
    return problems.stream().map(KnowledgeProblem::toString).toList();
  }

  private @Nullable String advisorName(@Nullable Long id) {
    return id == null ? null : escalations.advisor(id).map(Advisor::name).orElse(null);
  }
}
