package io.multibot.common.problem;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/**
 * Recognizes a request that lost a race with another one on the same rows: an optimistic version
 * check, a lock wait that timed out, a deadlock or a serialization failure (SQLState class 40).
 * Such a request did not change anything and may simply be sent again, so it is a 409 for the
 * client, never a 500.
 */
public final class ConcurrencyConflicts {

  private ConcurrencyConflicts() {}

  public static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause()) {
      depth++;
      if (cause instanceof OptimisticLockException
          || cause instanceof PessimisticLockException
          || cause instanceof LockTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("40")) {
        return true;
      }
    }
    return false;
  }
}
