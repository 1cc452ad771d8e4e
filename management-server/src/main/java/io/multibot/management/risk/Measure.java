package io.multibot.management.risk;

import java.util.List;

/**
 * One figure a policy compares with its threshold: for a group (a stake currency, a bot, or {@code
 * all}), its value and the bots it was measured over.
 */
public record Measure(String group, double value, boolean breached, List<String> bots) {

  public Measure {
    bots = List.copyOf(bots);
  }
}
