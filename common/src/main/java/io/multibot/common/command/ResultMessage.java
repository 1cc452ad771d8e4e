package io.multibot.common.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a gateway reports about a command: the status it reached (RUNNING, or a terminal one), why,
 * which gateway instance, when, and a JSON detail (such as the trade a force entry opened).
 */
public record ResultMessage(
    String commandId,
    String botId,
    CommandStatus status,
    String reason,
    String gateway,
    Instant at,
    String detail) {

  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("v", CommandMessage.VERSION);
    fields.put("kind", "result");
    fields.put("command", commandId);
    fields.put("bot", botId);
    fields.put("status", status.name());
    fields.put("reason", reason == null ? "" : reason);
    fields.put("gateway", gateway);
    fields.put("at", at.toString());
    fields.put("detail", detail == null ? "{}" : detail);
    return fields;
  }

  public static Optional<ResultMessage> fromFields(Map<String, String> fields) {
    try {
      if (!"result".equals(fields.get("kind"))) {
        return Optional.empty();
      }
      return Optional.of(
          new ResultMessage(
              CommandMessage.required(fields, "command"),
              CommandMessage.required(fields, "bot"),
              CommandStatus.valueOf(CommandMessage.required(fields, "status")),
              fields.getOrDefault("reason", ""),
              CommandMessage.required(fields, "gateway"),
              Instant.parse(CommandMessage.required(fields, "at")),
              fields.getOrDefault("detail", "{}")));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
