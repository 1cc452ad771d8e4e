package io.multibot.common.config;

/**
 * A setting from the environment that cannot be used. The message names the variable and says what
 * shape was expected; it never contains the value's password.
 */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  public InvalidSettingException(String variable, String problem, String expected) {
    super(
        variable
            + " is malformed: "
            + withoutControlCharacters(problem)
            + ". Expected "
            + expected
            + ".");
    this.variable = variable;
  }

  /** Quoted input must not break a log line in two (CWE-117). */
  private static String withoutControlCharacters(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  /** The environment variable at fault, for example {@code REDIS_URL}. */
  public String variable() {
    return variable;
  }
}
