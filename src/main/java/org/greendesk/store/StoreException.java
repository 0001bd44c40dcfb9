package org.greendesk.store;

import java.sql.SQLException;

/** A database failure, unchecked; {@link #isDuplicateKey} tells a unique-constraint violation from the rest. */
public final class StoreException extends RuntimeException {

  public StoreException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** True when a row was refused because its key already exists (SQL state class 23, integrity constraint). */
  public boolean isDuplicateKey() {
    return getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
  }
}
