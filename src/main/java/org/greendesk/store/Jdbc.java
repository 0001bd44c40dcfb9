package org.greendesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Plain SQL with parameters, on the current transaction if {@link #inTransaction} opened one, else on a
 * connection of its own. Instants are stored as timestamps with time zone, in UTC. Thread safe: the transaction
 * is per thread.
 */
public final class Jdbc {
  private final DataSource dataSource;
  private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work done in a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs the work in one transaction: committed if it returns, rolled back if it throws. Nested calls join. */
  public <T> T inTransaction(Work<T> work) {
    if (transaction.get() != null) {
        return call(work);
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      transaction.set(connection);
      try {
        T result = work.run();
        connection.commit();
        afterCommit.get().forEach(Runnable::run);
        return result;
      } catch (SQLException e) {
        connection.rollback();
        throw new StoreException(e);
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        transaction.remove();
        afterCommit.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /**
   * Runs the action once the current transaction has committed (at once outside a transaction); never if it
   * rolls back. For telling other threads about rows they can now see.
   */
  public void afterCommit(Runnable action) {
    if (transaction.get() == null) {
      action.run();
    } else {
      afterCommit.get().add(action);
    }
  }

  public int update(String sql, @Nullable Object... params) {
    return withStatement(sql, false, params, PreparedStatement::executeUpdate);
  }

  /** Inserts a row and returns its generated id. */
  public long insert(String sql, @Nullable Object... params) {
    return withStatement(sql, true, params, statement -> {
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    });
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, @Nullable Object... params) {
    return withStatement(sql, false, params, statement -> {
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(mapper.map(result));
        }
      }
      return rows;
    });
  }

  /** The first row, mapped; empty when there is none or the mapper gives {@code null} (an SQL NULL aggregate). */
  public <T> Optional<T> queryOne(String sql, RowMapper<@Nullable T> mapper, @Nullable Object... params) {
    List<@Nullable T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private interface StatementWork<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T withStatement(String sql, boolean keys, @Nullable Object[] params, StatementWork<T> work) {
    Connection current = transaction.get();
    try {
      if (current != null) {
        return prepared(current, sql, keys, params, work);
      }
      try (Connection connection = dataSource.getConnection()) {
        return prepared(connection, sql, keys, params, work);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static <T> T prepared(Connection connection, String sql, boolean keys, @Nullable Object[] params,
      StatementWork<T> work) throws SQLException {
    try (PreparedStatement statement = keys
        ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        Object param = params[i];
        statement.setObject(i + 1, param instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : param);
      }
      return work.run(statement);
    }
  }

  private <T> T call(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

}
