package io.multibot.management.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed message is tried again: after {@code first}, doubling each time up to {@code
 * maxWait} (or later, when the channel named its own wait), until {@code giveUpAfter} from when it
 * was queued; then it is failed and recorded. A channel outage shorter than that delays messages
 * and drops none.
 */
record RetryPolicy(Duration first, Duration maxWait, Duration giveUpAfter) {

  /** The next attempt after {@code attempts} failed ones, or {@code null} to give up. */
  Instant next(Instant created, int attempts, Instant now, Duration channelWait) {
    Duration wait = first;
    for (int i = 1; i < attempts && wait.compareTo(maxWait) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    if (wait.compareTo(maxWait) > 0) {
      wait = maxWait;
    }
    if (channelWait != null && channelWait.compareTo(wait) > 0) {
      wait = channelWait;
    }
    Instant next = now.plus(wait);
    return next.isAfter(created.plus(giveUpAfter)) ? null : next;
  }
}
