package org.greendesk.store;

import java.sql.SQLException;

/** A database failure, unchecked; {@link #isDuplicateKey} tells a unique-constraint violation from the rest. */
public final class StoreException extends RuntimeException {

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * True when a row was refused because its key already exists: SQL state 23505, unique violation, in H2 and
   * PostgreSQL alike. Other integrity failures (a missing foreign key, a null) are not duplicates.
   */
  public boolean isDuplicateKey() {
    return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
  }
}
