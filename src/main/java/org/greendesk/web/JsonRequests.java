package org.greendesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** Reading JSON request bodies and parameters; every refusal is a 400 whose message names the problem. */
public final class JsonRequests {
  /** "{...} xyz" is not JSON: Jackson would read the object and ignore the rest. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRequests() {}

  /** The body as a JSON object. */
  public static JsonNode object(Context ctx) {
    JsonNode node;
    try {
      node = JSON.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new BadRequestResponse("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestResponse("the body must be a JSON object");
    }
    return node;
  }

  /** A text field of the object; {@code null} when absent or null, refused when of another type. */
  public static @Nullable String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadRequestResponse("\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  /** A whole-number query parameter within bounds, or the fallback when absent. */
  public static long number(Context ctx, String name, long fallback, long min, long max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below, with the range
    }
    throw new BadRequestResponse("\"" + name + "\" must be a whole number from " + min + " to " + max + ": " + value);
  }
}
