package io.multibot.management.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A batch as the API shows it: what, for whom, and each bot's command and outcome. */
public record BatchView(
    String id,
    String kind,
    String type,
    String selector,
    String issuedBy,
    Instant createdAt,
    int total,
    Map<String, Integer> byStatus,
    boolean finished,
    List<Item> commands) {

  /** One bot's part of the batch. */
  public record Item(
      String botId, String botName, String commandId, String status, String reason) {}

  static BatchView of(CommandBatch batch, List<CommandRecord> commands) {
    Map<String, Integer> byStatus = new TreeMap<>();
    commands.forEach(c -> byStatus.merge(c.getStatus().name(), 1, Integer::sum));
    return new BatchView(
        batch.getId(),
        batch.getKind().name(),
        batch.getType().wireName(),
        batch.getSelector(),
        batch.getIssuedBy(),
        batch.getCreatedAt(),
        commands.size(),
        byStatus,
        commands.stream().allMatch(c -> c.getStatus().terminal()),
        commands.stream()
            .map(
                c ->
                    new Item(
                        c.getBotId(),
                        c.getBotName(),
                        c.getId(),
                        c.getStatus().name(),
                        c.getReason()))
            .toList());
  }
}
