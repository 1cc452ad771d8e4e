package io.multibot.management.strategy;

import java.util.List;

/**
 * Something that refers to strategies by name (bots do). Each implementation answers which of its
 * items use a strategy, so that a strategy in use is never deleted.
 */
public interface StrategyUsage {

  /** Names of the items that use the strategy, empty when none does. */
  List<String> usersOf(String strategyName);
}
