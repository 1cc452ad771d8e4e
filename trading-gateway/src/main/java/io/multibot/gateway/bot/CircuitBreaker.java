package io.multibot.gateway.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One bot's circuit: after {@code threshold} consecutive failures (unreachable, timed out, 5xx) it
 * opens and calls fail at once for {@code openFor}; then one trial call is let through (half-open),
 * whose success closes the circuit and whose failure opens it again.
 */
public final class CircuitBreaker {

  /** The circuit's state, as exposed in metrics and logs. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int failures;
  private Instant openedAt;
  private boolean trialInFlight;

  CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Whether a call may go out now; in half-open state only one trial at a time. */
  synchronized boolean allow() {
    State state = state();
    if (state == State.CLOSED) {
      return true;
    }
    if (state == State.HALF_OPEN && !trialInFlight) {
      trialInFlight = true;
      return true;
    }
    return false;
  }

  synchronized void succeeded() {
    failures = 0;
    openedAt = null;
    trialInFlight = false;
  }

  synchronized void failed() {
    trialInFlight = false;
    failures++;
    if (openedAt != null || failures >= threshold) {
      openedAt = clock.instant();
    }
  }

  synchronized State state() {
    if (openedAt == null) {
      return State.CLOSED;
    }
    return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
  }

  /** How long until a trial call is allowed (zero unless open). */
  synchronized Duration remainingOpen() {
    Instant opened = openedAt;
    if (opened == null) {
      return Duration.ZERO;
    }
    Instant until = opened.plus(openFor);
    Instant now = clock.instant();
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }
}
