package io.multibot.management.strategy;

/** Test access to package-private strategy factories. */
public final class StrategyTesting {

  private StrategyTesting() {}

  public static StrategySource source(String text) {
    return StrategySource.of(text);
  }
}
