package org.greendesk.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh schema on the test PostgreSQL server named by {@code GREENDESK_TEST_PG_URL} (with
 * {@code GREENDESK_TEST_PG_USER} and {@code GREENDESK_TEST_PG_PASSWORD}; {@code .ci/run} sets them), dropped on
 * close, so that each test starts from empty tables. Without the variable, the test is skipped with a message.
 */
public final class PostgresSchema implements AutoCloseable {
  private static final String URL = "GREENDESK_TEST_PG_URL";

  private final String url;
  private final String user;
  private final String password;
  private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");

  private PostgresSchema(String url, String user, String password) throws SQLException {
    this.url = url;
    this.user = user;
    this.password = password;
    execute("CREATE SCHEMA " + schema);
  }

  /** A new schema, or the test skipped when no test server is configured. */
  public static PostgresSchema create() throws SQLException {
    String url = System.getenv(URL);
    assumeTrue(url != null && !url.isBlank(), URL + " is not set: PostgreSQL tests skipped (.ci/run starts a local "
        + "server and sets it)");
    return new PostgresSchema(url, env("GREENDESK_TEST_PG_USER"), env("GREENDESK_TEST_PG_PASSWORD"));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }

  /** GreenDesk's database settings for this schema, with the given data folder. */
  public Map<String, String> settings(Path dataDir) {
    return Map.of("GREENDESK_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "GREENDESK_DB_USER", user, "GREENDESK_DB_PASSWORD", password, "GREENDESK_DATA_DIR", dataDir.toString());
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }
}
