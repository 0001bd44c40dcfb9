package org.greendesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/** The connection pool, with the schema migrated to the latest version on opening. Thread safe. */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  /** One for all stores: a transaction is per thread and per Jdbc, so stores that share it share transactions. */
  private final Jdbc jdbc;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.jdbc = new Jdbc(pool);
  }

  /**
   * Opens and migrates the database.
   *
   * @param url a JDBC URL; {@code null} for an H2 file in the data folder, which several GreenDesk processes on
   *     this machine may share (the chat and the advisor console, say)
   */
  public static Database open(@Nullable String url, @Nullable String user, @Nullable String password, Path dataDir) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url != null ? url : h2File(dataDir));
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(8);
    config.setPoolName("greendesk");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  static String h2File(Path dataDir) {
    // A parsed statement is kept per connection: the desk runs a few dozen kinds, over H2's default of 8.
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("greendesk") + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64";
  }

  public Jdbc jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    pool.close();
  }
}
