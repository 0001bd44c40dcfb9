package org.greendesk.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.InternalServerErrorResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.greendesk.conversation.ChatLanes;
import org.greendesk.conversation.Desk;
import org.greendesk.conversation.InboundMessage;
import org.greendesk.delivery.Mailbox;
import org.greendesk.web.JsonRequests;
import org.greendesk.web.RateLimiter;
import org.greendesk.web.StaticFile;
import org.greendesk.web.WebRoutes;
import org.webjars.WebJarVersionLocator;

/**
 * The web chat: the page at {@code /}, the widget script at {@code /widget.js}, the page's own words in the
 * browser's language, and the page's JSON endpoints.
 * A message is handed to the desk (stored, then answered or relayed, the reply written to the outbox) before it
 * is acknowledged, on the chat's lane so that one session's messages are handled in order; the page then reads
 * what was delivered to its session with {@code GET /chat/messages?after=N}. Every request names its session in
 * the {@value WebSessions#HEADER} header and sees only that session's conversation. What a client sends is rate
 * limited per address; reading is not, since the page polls.
 */
public final class WebChat implements WebRoutes {
  /** Longer questions are refused with a message saying so, rather than cut. */
  private static final int MAX_MESSAGE_CHARS = 4_000;
  private static final long HANDLING_SECONDS = 25;
  private static final int PAGE = 50;
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String JAVASCRIPT = "text/javascript; charset=utf-8";
  /** The page's scripts, JavaScript modules under {@code /chat/}; {@code app} imports the others. */
  private static final List<String> PAGE_MODULES = List.of("app", "view", "markdown", "handoff");
  /** The page loads nothing from elsewhere and runs no inline script; any site may frame it (the widget). */
  private static final Map<String, String> PAGE_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *",
      "Referrer-Policy", "no-referrer", "Cache-Control", "no-cache");

  private final Desk desk;
  private final Mailbox mailbox;
  private final ChatLanes lanes;
  private final RateLimiter limiter;
  private final HandoffStatus handoff;
  private final ChatStrings strings;
  private final WebSessions sessions = new WebSessions();

  public WebChat(Desk desk, Mailbox mailbox, ChatLanes lanes, RateLimiter limiter, HandoffStatus handoff,
      ChatStrings strings) {
    this.desk = desk;
    this.mailbox = mailbox;
    this.lanes = lanes;
    this.limiter = limiter;
    this.handoff = handoff;
    this.strings = strings;
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/", new StaticFile("/web/index.html", "text/html; charset=utf-8", PAGE_HEADERS));
    for (String module : PAGE_MODULES) {
      routes.get("/chat/" + module + ".js", new StaticFile("/web/" + module + ".js", JAVASCRIPT, PAGE_HEADERS));
    }
    routes.get("/chat/app.css", new StaticFile("/web/app.css", "text/css; charset=utf-8", PAGE_HEADERS));
    routes.get("/favicon.svg", new StaticFile("/web/favicon.svg", "image/svg+xml", PAGE_HEADERS));
    // Maintained libraries, from their WebJars in the jar: nothing is loaded from elsewhere.
    WebJarVersionLocator webJars = new WebJarVersionLocator();
    routes.get("/chat/vendor/marked.js", new StaticFile(webJar(webJars, "marked", "lib/marked.umd.js"), JAVASCRIPT,
        PAGE_HEADERS));
    routes.get("/chat/vendor/purify.js", new StaticFile(webJar(webJars, "dompurify", "dist/purify.min.js"),
        JAVASCRIPT, PAGE_HEADERS));
    routes.get("/chat/strings", this::strings);
    routes.get("/widget.js", new StaticFile("/web/widget.js", JAVASCRIPT, Map.of("Cache-Control", "max-age=3600")));
    routes.before("/chat/*", ctx -> {
      if (ctx.method() != HandlerType.GET) {
        limiter.check(ctx);
      }
    });
    routes.post("/chat/session", ctx -> ctx.status(HttpStatus.CREATED).json(Map.of("session", sessions.newToken())));
    routes.post("/chat/messages", this::receive);
    routes.get("/chat/messages", this::messages);
    routes.post("/chat/feedback", this::feedback);
    routes.post("/chat/advisor", this::advisor);
    routes.post("/chat/rating", this::rating);
    routes.post("/chat/forget", ctx -> ctx.json(Map.of("forgotten", desk.forget(WebChannel.NAME, chatId(ctx)))));
  }

  /** The resource of a file in a WebJar, whatever version the build put in the jar. */
  private static String webJar(WebJarVersionLocator webJars, String webJar, String file) {
    String path = webJars.fullPath(webJar, file);
    if (path == null) {
      throw new IllegalStateException("the " + webJar + " WebJar lacks " + file + " (a broken build)");
    }
    return "/" + path;
  }

  /** The page's words in the browser's language: {@code {"language": "ko", "strings": {"send": "...", ...}}}. */
  private void strings(Context ctx) {
    String language = strings.language(ctx.header("Accept-Language"));
    ctx.header("Vary", "Accept-Language").header("Cache-Control", "no-cache")
        .json(Map.of("language", language, "strings", strings.texts(language)));
  }

  private static String chatId(Context ctx) {
    return WebSessions.chatId(ctx.header(WebSessions.HEADER)).orElseThrow(() -> new UnauthorizedResponse(
        "missing or malformed " + WebSessions.HEADER + " header: POST /chat/session gives a session"));
  }

  /** {@code {"text": "...", "id": "..."}}: the id, chosen by the page, makes a resent message count once. */
  private void receive(Context ctx) throws InterruptedException {
    String chatId = chatId(ctx);
    JsonNode body = JsonRequests.object(ctx);
    String text = JsonRequests.text(body, "text");
    if (text == null || text.isBlank()) {
      throw new BadRequestResponse("the message is empty: type a question");
    }
    if (text.length() > MAX_MESSAGE_CHARS) {
      throw new BadRequestResponse(String.format(Locale.ENGLISH, "the message is too long: %,d characters, of "
          + "at most %,d. Please shorten it, or send it in parts.", text.length(), MAX_MESSAGE_CHARS));
    }
    String id = JsonRequests.text(body, "id");
    if (id != null && !MESSAGE_ID.matcher(id).matches()) {
      throw new BadRequestResponse("\"id\" must be 1-64 letters, digits, _ or -");
    }
    String language = ctx.header("Accept-Language");
    handled(ctx, chatId, () -> desk.receive(new InboundMessage(WebChannel.NAME, chatId, null, text, id,
        language == null ? null : language.split("[,;]")[0], limiter.client(ctx))));
  }

  /** The "Talk to an advisor" button: {@code {"id": "..."}}, the id making a repeated press count once. */
  private void advisor(Context ctx) throws InterruptedException {
    String chatId = chatId(ctx);
    String id = JsonRequests.text(JsonRequests.object(ctx), "id");
    if (id != null && !MESSAGE_ID.matcher(id).matches()) {
      throw new BadRequestResponse("\"id\" must be 1-64 letters, digits, _ or -");
    }
    handled(ctx, chatId, () -> desk.askForAdvisor(WebChannel.NAME, chatId, null, id == null ? null : "advisor:" + id,
        limiter.client(ctx)));
  }

  /** Hands the work to the chat's lane, in order with its other messages, and answers with what became of it. */
  private void handled(Context ctx, String chatId, Supplier<Desk.Outcome> work) throws InterruptedException {
    AtomicReference<Desk.Outcome> outcome = new AtomicReference<>();
    try {
      lanes.submit(chatId, () -> outcome.set(work.get())).get(HANDLING_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new ServiceUnavailableResponse("busy: please send the message again in a moment");
    } catch (ExecutionException e) {
      throw new InternalServerErrorResponse("the message could not be handled: please send it again");
    }
    if (outcome.get() == null) {
      throw new InternalServerErrorResponse("the message could not be handled: please send it again");
    }
    ctx.json(Map.of("outcome", outcome.get().name().toLowerCase(Locale.ROOT)));
  }

  /**
   * The messages delivered to the session after the id {@code after}, oldest first, and where its handoff to a
   * person stands now ({@link HandoffStatus}).
   */
  private void messages(Context ctx) {
    String chatId = chatId(ctx);
    long after = JsonRequests.number(ctx, "after", 0, 0, Long.MAX_VALUE);
    List<Map<String, Object>> messages = mailbox.after(WebChannel.NAME, chatId, after, PAGE).stream()
        .map(WebChat::json).toList();
    ctx.header("Cache-Control", "no-store").json(Map.of("messages", messages, "handoff", handoff.of(chatId)));
  }

  private static Map<String, Object> json(Mailbox.Delivered delivered) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", delivered.id());
    message.put("from", delivered.author().name().toLowerCase(Locale.ROOT));
    message.put("text", delivered.message().text());
    message.put("links", delivered.message().links().stream()
        .map(link -> Map.of("title", link.title(), "url", link.url())).toList());
    message.put("actions", delivered.message().actions());
    message.put("language", delivered.message().languageOrEnglish());
    message.put("at", delivered.sentAt().toString());
    return message;
  }

  /** {@code {"helpful": true|false}} on the latest answer. */
  private void feedback(Context ctx) {
    String chatId = chatId(ctx);
    JsonNode helpful = JsonRequests.object(ctx).get("helpful");
    if (helpful == null || !helpful.isBoolean()) {
      throw new BadRequestResponse("\"helpful\" must be true or false");
    }
    ctx.json(Map.of("recorded", desk.feedback(WebChannel.NAME, chatId, helpful.asBoolean())));
  }

  /** {@code {"stars": 1-5}}: the SME's rating of the help of the escalation resolved last. */
  private void rating(Context ctx) {
    String chatId = chatId(ctx);
    JsonNode stars = JsonRequests.object(ctx).get("stars");
    if (stars == null || !stars.isInt() || stars.asInt() < 1 || stars.asInt() > 5) {
      throw new BadRequestResponse("\"stars\" must be a whole number from 1 to 5");
    }
    ctx.json(Map.of("recorded", desk.rate(WebChannel.NAME, chatId, stars.asInt())));
  }
}
