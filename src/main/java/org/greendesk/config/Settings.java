package org.greendesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.greendesk.channel.ChannelModule;
import org.greendesk.channel.SettingValues;
import org.greendesk.embedding.OnnxEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * GreenDesk's settings, read once at start from the environment and, for what the environment leaves unset, from
 * an optional {@code greendesk.properties} file in the working folder (same names as the variables).
 *
 * @param knowledgeDir the knowledge folder ({@code GREENDESK_KNOWLEDGE_DIR}, default {@code knowledge})
 * @param dataDir index and other state ({@code GREENDESK_DATA_DIR}, default {@code data})
 * @param promptsDir the routing policy and prompts ({@code GREENDESK_PROMPTS_DIR}, default {@code prompts}); the
 *     copies inside the jar are used for files it lacks
 * @param embeddingModel {@code GREENDESK_EMBEDDING_MODEL}: {@code minilm} or {@code bge-small}
 * @param http {@code GREENDESK_HTTP_HOST} and {@code GREENDESK_HTTP_PORT}: where the web server listens
 *     (default {@code 127.0.0.1:8080})
 * @param slack {@code SLACK_BOT_TOKEN} with {@code SLACK_SIGNING_SECRET} (enables the Slack app),
 *     {@code SLACK_APP_TOKEN} (Socket Mode), {@code SLACK_API_URL}, {@code SLACK_ADVISOR_CHANNEL},
 *     {@code GREENDESK_SLACK_STAFF}
 * @param overdueAfter {@code GREENDESK_OVERDUE_MINUTES}: how long an escalation may wait unclaimed before it is
 *     flagged overdue and announced again (default 30)
 * @param llm the optional language model ({@code GREENDESK_LLM_*})
 * @param logging {@code GREENDESK_LOG_LEVEL} and {@code GREENDESK_LOG_FORMAT}
 * @param api the REST API's staff token, rate limit and client address header ({@code GREENDESK_API_TOKEN},
 *     {@code GREENDESK_RATE_LIMIT}, {@code GREENDESK_CLIENT_IP_HEADER})
 * @param channels the channel modules whose settings are present ({@link ChannelModules}), each having read and
 *     checked its own
 */
public record Settings(Path knowledgeDir, Path dataDir, Path promptsDir, OnnxEmbedder.Model embeddingModel,
    Database database, Duration overdueAfter, Http http, Slack slack, LlmSettings llm,
    Logging logging, ApiSettings api, List<ChannelModule.Configured> channels) {
  public static final String PROPERTIES_FILE = "greendesk.properties";

  /** Every setting GreenDesk reads, its channel modules' too: the deployment examples list exactly these. */
  public static final Set<String> NAMES = Stream.concat(Stream.of("GREENDESK_KNOWLEDGE_DIR", "GREENDESK_DATA_DIR",
      "GREENDESK_PROMPTS_DIR", "GREENDESK_EMBEDDING_MODEL", "GREENDESK_DB_URL", "GREENDESK_DB_USER",
      "GREENDESK_DB_PASSWORD", "GREENDESK_OVERDUE_MINUTES", "GREENDESK_LOG_LEVEL", "GREENDESK_LOG_FORMAT",
      "GREENDESK_HTTP_HOST", "GREENDESK_HTTP_PORT", "GREENDESK_LLM_PROVIDER", "GREENDESK_LLM_BASE_URL",
      "GREENDESK_LLM_MODEL", "GREENDESK_LLM_API_KEY", "GREENDESK_LLM_TIMEOUT_SECONDS", "GREENDESK_LLM_MAX_CONCURRENT",
      "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL",
      "SLACK_ADVISOR_CHANNEL", "GREENDESK_SLACK_STAFF", "GREENDESK_API_TOKEN", "GREENDESK_RATE_LIMIT",
      "GREENDESK_CLIENT_IP_HEADER"), ChannelModules.settingNames().stream())
      .collect(Collectors.toUnmodifiableSet());

  public Settings {
    Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(promptsDir, "promptsDir");
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(overdueAfter, "overdueAfter");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(api, "api");
    channels = List.copyOf(channels);
  }

  /**
   * GreenDesk's own log level ({@code TRACE}..{@code ERROR}, {@code OFF}) and the log format: {@code text}
   * lines for a person, or {@code json}, one object a line, for a log collector.
   */
  public record Logging(String level, boolean json) {}

  /**
   * The Slack app's settings; tokens and the signing secret never appear in {@code toString}.
   *
   * @param appToken Socket Mode's app-level token, or {@code null} for HTTP mode ({@code POST /slack/events})
   * @param advisorChannel the channel id where escalations are posted, or {@code null} for none
   * @param staff the user ids allowed staff-only commands; empty: any member of the workspace
   */
  public record Slack(@Nullable String botToken, @Nullable String signingSecret, @Nullable String appToken,
      URI apiUrl, @Nullable String advisorChannel, Set<String> staff) {
    public Slack {
      staff = Set.copyOf(staff);
    }

    public boolean enabled() {
      return botToken != null;
    }

    @Override
    public String toString() {
      return "Slack[botToken=" + (botToken == null ? "none" : "***") + ", signingSecret="
          + (signingSecret == null ? "none" : "***") + ", appToken=" + (appToken == null ? "none" : "***")
          + ", apiUrl=" + apiUrl + ", advisorChannel=" + advisorChannel + ", staff=" + staff + "]";
    }
  }

  /** Where the web server listens. */
  public record Http(String host, int port) {}

  /**
   * The database: {@code GREENDESK_DB_URL} (a JDBC URL, e.g. PostgreSQL's), {@code GREENDESK_DB_USER},
   * {@code GREENDESK_DB_PASSWORD}; without a URL, an H2 file in the data folder.
   */
  public record Database(@Nullable String url, @Nullable String user, @Nullable String password) {
    @Override
    public String toString() {
      return "Database[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
  }

  /** Reads the process environment and {@code greendesk.properties}; the one place that does. */
  public static Settings fromEnvironment() {
    Map<String, String> values = new HashMap<>();
    Path file = Path.of(PROPERTIES_FILE);
    if (Files.isRegularFile(file)) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    }
    values.putAll(System.getenv());
    return from(values);
  }

  /**
   * Settings from named values.
   *
   * @throws IllegalArgumentException naming the setting whose value is wrong
   */
  public static Settings from(Map<String, String> values) {
    OnnxEmbedder.Model model;
    try {
      model = OnnxEmbedder.Model.parse(values.getOrDefault("GREENDESK_EMBEDDING_MODEL", "bge-small"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("GREENDESK_EMBEDDING_MODEL: " + e.getMessage(), e);
    }
    String url = blankToNull(values.get("GREENDESK_DB_URL"));
    if (url != null && !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("GREENDESK_DB_URL must be a JDBC URL (jdbc:postgresql://host/db): " + url);
    }
    if (url == null) {
      for (String name : List.of("GREENDESK_DB_USER", "GREENDESK_DB_PASSWORD")) {
        if (blankToNull(values.get(name)) != null) {
          // Most likely a misspelt URL: each instance would quietly use a database of its own.
          throw new IllegalArgumentException(name + " is set without GREENDESK_DB_URL: set the URL too (or neither, "
              + "for the H2 file in the data folder)");
        }
      }
    }
    int overdue = number(values, "GREENDESK_OVERDUE_MINUTES", 30, 1, 7 * 24 * 60);
    Settings settings = new Settings(path(values, "GREENDESK_KNOWLEDGE_DIR", "knowledge"),
        path(values, "GREENDESK_DATA_DIR", "data"),
        path(values, "GREENDESK_PROMPTS_DIR", "prompts"), model, new Database(url,
        blankToNull(values.get("GREENDESK_DB_USER")), blankToNull(values.get("GREENDESK_DB_PASSWORD"))),
        Duration.ofMinutes(overdue), new Http(values.getOrDefault("GREENDESK_HTTP_HOST", "127.0.0.1").strip(),
        number(values, "GREENDESK_HTTP_PORT", 8080, 0, 65535)), slack(values),
        LlmSettings.from(values), logging(values), ApiSettings.from(values), ChannelModules.configure(values));
    SettingValues.requireToken(values, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_ADVISOR_CHANNEL");
    return settings;
  }

  private static Logging logging(Map<String, String> values) {
    String level = Objects.requireNonNullElse(blankToNull(values.get("GREENDESK_LOG_LEVEL")), "INFO")
        .toUpperCase(Locale.ROOT);
    if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
      throw new IllegalArgumentException("GREENDESK_LOG_LEVEL must be TRACE, DEBUG, INFO, WARN, ERROR or OFF: "
          + level);
    }
    String format = Objects.requireNonNullElse(blankToNull(values.get("GREENDESK_LOG_FORMAT")), "text")
        .toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("GREENDESK_LOG_FORMAT must be text or json: " + format);
    }
    return new Logging(level, format.equals("json"));
  }

  private static Slack slack(Map<String, String> values) {
    String token = blankToNull(values.get("SLACK_BOT_TOKEN"));
    String secret = blankToNull(values.get("SLACK_SIGNING_SECRET"));
    // Socket Mode's requests come over a socket the app token opened, unsigned: only HTTP mode needs the secret.
    if (token != null && secret == null && blankToNull(values.get("SLACK_APP_TOKEN")) == null) {
      throw new IllegalArgumentException("SLACK_BOT_TOKEN is set without SLACK_SIGNING_SECRET: requests from Slack "
          + "cannot be verified without it (Basic Information > App Credentials in the app's settings)");
    }
    Set<String> staff = new LinkedHashSet<>();
    for (String id : values.getOrDefault("GREENDESK_SLACK_STAFF", "").split("[,\\s]+")) {
      if (!id.isBlank()) {
        staff.add(id.strip());
      }
    }
    return new Slack(token, secret, blankToNull(values.get("SLACK_APP_TOKEN")),
        httpUrl(values, "SLACK_API_URL", "https://slack.com/api/"), blankToNull(values.get("SLACK_ADVISOR_CHANNEL")),
        staff);
  }

  private static URI httpUrl(Map<String, String> values, String name, String fallback) {
    return SettingValues.httpUrl(values, name, fallback);
  }

  /** A whole number setting within bounds, or the fallback when it is unset. */
  static int number(Map<String, String> values, String name, int fallback, int min, int max) {
    return SettingValues.number(values, name, fallback, min, max);
  }

  public Settings withKnowledgeDir(Path dir) {
    return new Settings(dir, dataDir, promptsDir, embeddingModel, database, overdueAfter, http, slack,
        llm, logging, api, channels);
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Path path(Map<String, String> values, String name, String fallback) {
    String value = values.get(name);
    return Path.of(value == null || value.isBlank() ? fallback : value.strip());
  }
}
