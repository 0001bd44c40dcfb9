package org.greendesk.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.greendesk.knowledge.Role;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.profile.Profile;
import org.jspecify.annotations.Nullable;

/**
 * An SME profile as other tools send it to {@code check}: one JSON object a line, {@code {"id", "economy",
 * "sector", "products", "exports_to", "employees", "turnover_eur", "annual_emissions_tco2e"}}, every field but
 * {@code id} optional, plus the optional {@code annual_energy_mwh}, {@code imports_tonnes} and {@code roles}. Other
 * fields are ignored, so that an evaluation line can carry its expectations.
 */
public final class CheckRequest {
  private CheckRequest() {}

  /** @throws IllegalArgumentException with a message fit for an error object naming the problem */
  public static Profile parse(String json) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a profile must be a JSON object such as {\"id\": \"1\", \"economy\": "
          + "\"Korea\", \"sector\": \"steel parts manufacturing\"}");
    }
    return profile(node);
  }

  /** The profile in a parsed JSON object. */
  public static Profile profile(JsonNode node) {
    Map<Fact, Double> facts = new EnumMap<>(Fact.class);
    for (Fact fact : Fact.values()) {
      JsonNode value = node.get(fact.profileKey());
      if (value != null && !value.isNull()) {
        if (!value.isNumber() || value.asDouble() < 0) {
          throw new IllegalArgumentException(fact.profileKey() + " must be a number of 0 or more: " + value);
        }
        facts.put(fact, value.asDouble());
      }
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : strings(node, "roles")) {
      roles.add(Role.of(name).filter(r -> r != Role.SUPPLIER).orElseThrow(() -> new IllegalArgumentException(
          "unknown role '" + name + "' (known: manufacturer, producer, importer, exporter, distributor, retailer, "
          + "service)")));
    }
    return new Profile(text(node, "id"), text(node, "economy"), text(node, "sector"), strings(node, "products"),
        strings(node, "exports_to"), facts, roles);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new IllegalArgumentException(field + " must be a string: " + value);
    }
    return value.asText().isBlank() ? null : value.asText().strip();
  }

  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> values = new ArrayList<>();
    if (value == null || value.isNull()) {
      return values;
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(field + " must be a list of strings: " + value);
    }
    value.forEach(item -> {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(field + " must be a list of strings: " + value);
      }
      if (!item.asText().isBlank()) {
        values.add(item.asText().strip());
      }
    });
    return values;
  }
}
