package io.multibot.management.notify;

import java.time.Duration;

/**
 * What one attempt came to: {@code sent}; {@code retry} (the channel was down, slow, overloaded or
 * answered 5xx, 408 or 429; {@code retryAfter} is its own wait when it named one); or refused for
 * good (any other 4xx: a wrong URL or token will not start working by itself). {@code answer} is
 * the channel's status and the start of its body, secrets scrubbed.
 */
record SendOutcome(Kind kind, String answer, Duration retryAfter) {

  enum Kind {
    SENT,
    RETRY,
    REFUSED
  }

  static SendOutcome sent(String answer) {
    return new SendOutcome(Kind.SENT, answer, null);
  }

  static SendOutcome retry(String answer, Duration retryAfter) {
    return new SendOutcome(Kind.RETRY, answer, retryAfter);
  }

  static SendOutcome refused(String answer) {
    return new SendOutcome(Kind.REFUSED, answer, null);
  }

  /** The outcome of an HTTP answer with this status. */
  static SendOutcome ofStatus(int status, String answer, Duration retryAfter) {
    if (status >= 200 && status < 300) {
      return sent(answer);
    }
    if (status >= 500 || status == 408 || status == 425 || status == 429) {
      return retry(answer, retryAfter);
    }
    return refused(answer);
  }
}
