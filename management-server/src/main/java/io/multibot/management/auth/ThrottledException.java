package io.multibot.management.auth;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import java.time.Duration;
import java.util.Map;

/** Too many failed logins: the client must wait {@link #retryAfter()}. */
public final class ThrottledException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  ThrottledException(Duration retryAfter) {
    super(ProblemType.TOO_MANY_REQUESTS, "Too many failed logins. Try again later.");
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  public long retryAfter() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
