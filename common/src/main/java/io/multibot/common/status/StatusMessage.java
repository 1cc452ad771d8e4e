package io.multibot.common.status;

import io.multibot.common.command.CommandMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a gateway reports about a bot on the status stream: a {@code poll} (what the bot's API said,
 * or that it did not answer) or an {@code event} of a managed bot's process (started, exited,
 * crashed, stopped). {@code body} is JSON; see {@code StatusPoller} and {@code RuntimeEvents} in
 * the gateway for its fields.
 */
public record StatusMessage(String botId, Kind kind, String gateway, Instant at, String body) {

  /** A poll result, or a process event. */
  public enum Kind {
    POLL,
    EVENT
  }

  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("v", CommandMessage.VERSION);
    fields.put("kind", kind == Kind.POLL ? "status" : "event");
    fields.put("bot", botId);
    fields.put("gateway", gateway);
    fields.put("at", at.toString());
    fields.put("body", body);
    return fields;
  }

  /** The message in these fields, or empty when they are not one. */
  public static Optional<StatusMessage> fromFields(Map<String, String> fields) {
    String kind = fields.get("kind");
    if (!"status".equals(kind) && !"event".equals(kind)) {
      return Optional.empty();
    }
    String bot = fields.get("bot");
    String gateway = fields.get("gateway");
    String at = fields.get("at");
    String body = fields.get("body");
    if (bot == null || gateway == null || at == null || body == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new StatusMessage(
              bot,
              "status".equals(kind) ? Kind.POLL : Kind.EVENT,
              gateway,
              Instant.parse(at),
              body));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
