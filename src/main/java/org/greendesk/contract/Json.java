package org.greendesk.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.greendesk.assistant.Answer;
import org.greendesk.assistant.Source;
import org.greendesk.profile.CheckResult;
import org.greendesk.search.DocumentHit;
import org.jspecify.annotations.Nullable;

/**
 * The contract's JSON shapes (see the README), built field by field so that their order and names are fixed. Shared
 * by the command line ({@code ask --json}, {@code search --json}) and the REST API, so that both speak the same JSON.
 */
public final class Json {
  /** Refuses "{...} xyz", which Jackson would otherwise read as the object alone. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  public static ObjectNode answer(Answer answer, @Nullable String id) {
    ObjectNode node = MAPPER.createObjectNode();
    if (id != null) {
      node.put("id", id);
    }
    node.put("question", answer.question());
    node.put("answer", answer.text());
    ArrayNode sources = node.putArray("sources");
    for (Source source : answer.sources()) {
      ObjectNode s = sources.addObject();
      s.put("id", source.id());
      s.put("title", source.title());
      s.put("url", source.url());
      s.put("score", source.score());
    }
    node.put("confidence", answer.confidence());
    node.put("intent", answer.intent().wire());
    node.put("handoff", answer.handoff().wire());
    node.put("reason", answer.reason());
    return node;
  }

  public static ObjectNode searchResults(String query, List<DocumentHit> hits, @Nullable String id) {
    ObjectNode node = MAPPER.createObjectNode();
    if (id != null) {
      node.put("id", id);
    }
    node.put("query", query);
    ArrayNode results = node.putArray("results");
    for (DocumentHit hit : hits) {
      ObjectNode r = results.addObject();
      r.put("id", hit.document().id());
      r.put("title", hit.document().title());
      r.put("url", hit.document().source());
      r.put("score", Math.round(hit.score() * 1000) / 1000.0);
    }
    return node;
  }

  /** The answer of {@code check}: {@code {"id", "applies", "to_check", "funding", "events"}}. */
  public static ObjectNode check(CheckResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", result.id());
    findings(node.putArray("applies"), result.applies());
    findings(node.putArray("to_check"), result.toCheck());
    findings(node.putArray("funding"), result.funding());
    findings(node.putArray("events"), result.events());
    return node;
  }

  private static void findings(ArrayNode array, List<CheckResult.Finding> findings) {
    for (CheckResult.Finding finding : findings) {
      ObjectNode f = array.addObject();
      f.put("id", finding.id());
      f.put("title", finding.title());
      f.put("why", finding.why());
      f.put("next_date", finding.nextDate() == null ? null : finding.nextDate().toString());
    }
  }

  public static ObjectNode error(int line, @Nullable String id, String message) {
    ObjectNode node = MAPPER.createObjectNode();
    if (id != null) {
      node.put("id", id);
    }
    node.put("line", line);
    node.put("error", message);
    return node;
  }
}
