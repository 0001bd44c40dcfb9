package org.greendesk.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One document's front matter, read field by field; every problem found is added with its line. */
record FrontMatter(Path file, byte[] bytes, JsonNode meta, List<KnowledgeProblem> problems) {
  private static final int MIN_REVIEW_DAYS = 7;
  private static final int MAX_REVIEW_DAYS = 730;

  void problem(String key, String message) {
    problems.add(new KnowledgeProblem(file, lineOf(key), message));
  }

  int lineOf(String key) {
    return lineOfKey(bytes, key);
  }

  /** The 1-based line of an entry of a top-level mapping ({@code sources:} then {@code   History: ...}). */
  int lineOfEntry(String key, String entry) {
    int keyLine = lineOf(key);
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    for (int i = keyLine; i < lines.size() && lines.get(i).startsWith(" "); i++) {
      String line = lines.get(i).strip();
      for (String quote : List.of("", "\"", "'")) {
        if (line.startsWith(quote + entry + quote + ":")) {
          return i + 1;
        }
      }
    }
    return keyLine;
  }

  @Nullable String text(String key) {
    JsonNode node = meta.get(key);
    return node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank() ? null
        : node.asText().strip();
  }

  @Nullable String required(String key) {
    String value = text(key);
    if (value == null) {
      problems.add(new KnowledgeProblem(file, meta.has(key) ? lineOf(key) : 1, "missing required field '" + key + "'"));
    }
    return value;
  }

  @Nullable String webUrl(String key) {
    String value = text(key);
    if (value != null && !isWebUrl(value)) {
      problem(key, key + " must be an http(s) URL: " + value);
      return null;
    }
    return value;
  }

  @Nullable LocalDate date(String key) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problem(key, key + " must be a date YYYY-MM-DD: " + value);
      return null;
    }
  }

  void dates(String... keys) {
    for (String key : keys) {
      date(key);
    }
  }

  /** {@code reviewed}, {@code reviewed_by}, {@code review_every} or {@code next_review}, {@code verification}. */
  Review review() {
    LocalDate reviewed = date("reviewed");
    LocalDate next = date("next_review");
    Integer every = null;
    JsonNode days = meta.get("review_every");
    if (days != null && !days.isNull()) {
      if (!days.canConvertToInt() || days.asInt() < MIN_REVIEW_DAYS || days.asInt() > MAX_REVIEW_DAYS
          || !days.isIntegralNumber()) {
        problem("review_every", "review_every must be a number of days, " + MIN_REVIEW_DAYS + " to "
            + MAX_REVIEW_DAYS + ": " + days.asText());
      } else {
        every = days.asInt();
      }
    }
    String verification = text("verification");
    String note = text("verification_note");
    if (verification != null && !verification.equals("unconfirmed") && !verification.equals("confirmed")) {
      problem("verification", "verification must be 'unconfirmed' or 'confirmed': " + verification);
    }
    if ("unconfirmed".equals(verification) && note == null) {
      problem("verification", "verification: unconfirmed needs a verification_note saying what is unconfirmed");
    }
    String unconfirmed = "unconfirmed".equals(verification) ? note : null;
    return new Review(reviewed, text("reviewed_by"), every, next, unconfirmed);
  }

  /** {@code sources}: section heading to URL; every heading must be one of the document's. */
  Map<String, String> sectionSources(List<String> headings) {
    Map<String, String> sources = new LinkedHashMap<>();
    JsonNode node = meta.get("sources");
    if (node == null || node.isNull()) {
      return sources;
    }
    if (!node.isObject()) {
      problem("sources", "sources must map section headings to URLs");
      return sources;
    }
    node.fields().forEachRemaining(e -> {
      String url = e.getValue().asText("").strip();
      if (!headings.contains(e.getKey())) {
        problem("sources", "sources names no section of the document: " + e.getKey());
      } else if (!isWebUrl(url)) {
        problem("sources", "sources must give an http(s) URL for " + e.getKey() + ": " + url);
      } else {
        sources.put(e.getKey(), url);
      }
    });
    return sources;
  }

  static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** A URL with no path beyond "/" and no query: a site's home page. */
  static boolean isHomePage(String url) {
    URI uri = URI.create(url);
    String path = uri.getPath() == null ? "" : uri.getPath();
    return path.replace("/", "").isEmpty() && uri.getQuery() == null;
  }

  /** The 1-based line of a top-level front-matter key in the file, or 1 when it is not found. */
  static int lineOfKey(byte[] bytes, String key) {
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
      if (lines.get(i).startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }
}
