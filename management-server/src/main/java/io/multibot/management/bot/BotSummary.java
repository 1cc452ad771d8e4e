package io.multibot.management.bot;

import java.util.List;

/** What the status views show of a bot besides its status. */
public record BotSummary(
    String id,
    String name,
    List<String> tags,
    String stakeCurrency,
    String exchange,
    String strategy,
    String runMode) {

  public BotSummary {
    tags = List.copyOf(tags);
  }
}
