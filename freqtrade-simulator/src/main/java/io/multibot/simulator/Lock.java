package io.multibot.simulator;

import java.time.Instant;

/**
 * A pair lock, as freqtrade's protections set them: no new entries on the pair until {@code until}.
 * The simulator locks a pair for a few candles after a stop-loss.
 */
record Lock(int id, String pair, String side, String reason, Instant from, Instant until) {

  boolean activeAt(Instant time) {
    return time.isBefore(until);
  }
}
