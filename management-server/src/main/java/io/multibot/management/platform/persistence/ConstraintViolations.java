package io.multibot.management.platform.persistence;

import java.sql.SQLException;

/**
 * Recognizes a database integrity-constraint violation (SQLState class 23) in an exception chain,
 * such as two requests creating the same unique name at the same moment.
 */
public final class ConstraintViolations {

  private ConstraintViolations() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
