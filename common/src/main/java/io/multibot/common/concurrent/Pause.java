package io.multibot.common.concurrent;

import java.time.Duration;

/** A wait that keeps the thread's interruption: the one way our loops sleep between rounds. */
public final class Pause {

  private Pause() {}

  /**
   * Sleeps for {@code time}. Returns false when the thread was interrupted meanwhile (its interrupt
   * flag is set again, so the caller's loop can see it and end).
   */
  public static boolean sleep(Duration time) {
    try {
      Thread.sleep(time.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
