package io.multibot.common.problem;

/**
 * Neutralises text that may carry request data before it reaches a log: CR, LF and every other
 * control character become visible escapes ({@code \n}, {@code \u001b}), so a client cannot start a
 * forged log line. Invariant: no log line of ours contains request data that was not passed through
 * here or is not a value we parsed ourselves (an id, a number); {@code LogSafeTest} checks the
 * escaping, {@code HostileInputIT} the server's log.
 */
public final class LogSafe {

  private static final int MAX_LENGTH = 500;

  private LogSafe() {}

  /** The text with control characters escaped and cut to 500 characters. */
  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    String raw = value.toString();
    StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX_LENGTH) + 16);
    for (int i = 0; i < raw.length() && safe.length() < MAX_LENGTH; i++) {
      char c = raw.charAt(i);
      if (c == '\n') {
        safe.append("\\n");
      } else if (c == '\r') {
        safe.append("\\r");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    if (raw.length() > MAX_LENGTH) {
      safe.append("...");
    }
    return safe.toString();
  }

  /**
   * A copy of the exception for the log: the same class name, stack frames and causes, with every
   * message neutralised. Exception messages often quote input (a date, a header, SQL parameters).
   */
  public static Throwable of(Throwable exception) {
    return copy(exception, 0);
  }

  private static Throwable copy(Throwable exception, int depth) {
    if (exception == null || depth > 20) {
      return null;
    }
    Throwable cause = copy(exception.getCause(), depth + 1);
    Throwable safe =
        new LoggedException(
            exception.getClass().getName() + ": " + text(exception.getMessage()), cause);
    safe.setStackTrace(exception.getStackTrace());
    return safe;
  }

  /** Carries a neutralised message; printed as the original class name and message. */
  private static final class LoggedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoggedException(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
