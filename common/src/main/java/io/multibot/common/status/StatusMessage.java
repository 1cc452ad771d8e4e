package io.multibot.common.status;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a gateway reports about a bot on the status stream: a {@link BotPoll} ({@code kind=status})
 * or a {@link ProcessEvent} of a managed bot ({@code kind=event}). The fields are {@code v}, {@code
 * kind}, {@code bot}, {@code gateway}, {@code at} (ISO-8601) and {@code body} (the report's JSON);
 * {@link #toFields} and {@link #fromFields} are the only code that knows them.
 */
public record StatusMessage(String botId, String gateway, Instant at, StatusReport report) {

  private static final String POLL = "status";
  private static final String EVENT = "event";

  public static StatusMessage poll(String botId, String gateway, Instant at, BotPoll poll) {
    return new StatusMessage(botId, gateway, at, poll);
  }

  /** The message for a process event, which names its bot and instant itself. */
  public static StatusMessage event(String gateway, ProcessEvent event) {
    return new StatusMessage(event.botId(), gateway, event.at(), event);
  }

  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("v", CommandMessage.VERSION);
    fields.put("kind", report instanceof BotPoll ? POLL : EVENT);
    fields.put("bot", botId);
    fields.put("gateway", gateway);
    fields.put("at", at.toString());
    fields.put("body", report.toJson().toString());
    return fields;
  }

  /** The message in these fields, or empty when they are not one this version understands. */
  public static Optional<StatusMessage> fromFields(Map<String, String> fields) {
    String kind = fields.get("kind");
    String bot = fields.get("bot");
    String gateway = fields.get("gateway");
    String at = fields.get("at");
    String body = fields.get("body");
    if (bot == null || gateway == null || at == null || body == null) {
      return Optional.empty();
    }
    try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
      Instant instant = Instant.parse(at);
      JsonObject json = reader.readObject();
      if (POLL.equals(kind)) {
        return Optional.of(poll(bot, gateway, instant, BotPoll.fromJson(json)));
      }
      if (EVENT.equals(kind)) {
        return ProcessEvent.fromJson(bot, instant, json).map(event -> event(gateway, event));
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
