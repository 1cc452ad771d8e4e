package io.multibot.simulator;

import java.util.Random;

/**
 * The misbehaviour the {@code simulator} knobs ask for, applied before a request is answered: exit
 * on a route, hang on a route, added latency and random 500s. {@code /ping} is spared latency and
 * errors so that liveness can still be told apart from a sick API.
 */
final class Faults {

  private final Knobs knobs;
  private final Random random;

  Faults(Knobs knobs) {
    this.knobs = knobs;
    this.random = new Random(knobs.seed());
  }

  /** Exits the process at once (as a crash would) if this route is the one to die on. */
  void exitIfAsked(String route) {
    if (route.equals(knobs.exitOnRoute())) {
      Runtime.getRuntime().halt(137);
    }
  }

  /** Never returns for a hanging route; the caller sees a request without an answer. */
  void hangIfAsked(String route) throws InterruptedException {
    if (knobs.hangRoutes().contains(route)) {
      while (true) {
        Thread.sleep(60_000);
      }
    }
  }

  void delay(String route) throws InterruptedException {
    if (knobs.latencyMillis() > 0 && !"ping".equals(route)) {
      Thread.sleep(knobs.latencyMillis());
    }
  }

  /** Whether this call should fail with a 500, by the seeded error rate. */
  boolean failNow(String route) {
    if (knobs.errorRate() <= 0 || "ping".equals(route)) {
      return false;
    }
    synchronized (random) {
      return random.nextDouble() < knobs.errorRate();
    }
  }
}
