package io.multibot.management.command;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;

/** A command as the API shows it. */
public record CommandView(
    String id,
    String botId,
    String botName,
    String type,
    JsonObject params,
    String status,
    String reason,
    JsonObject result,
    String gateway,
    String issuedBy,
    boolean priority,
    String batchId,
    Instant createdAt,
    Instant expiresAt,
    Instant dispatchedAt,
    Instant startedAt,
    Instant finishedAt) {

  static CommandView of(CommandRecord command) {
    return new CommandView(
        command.getId(),
        command.getBotId(),
        command.getBotName(),
        command.getType().wireName(),
        json(command.getParams()),
        command.getStatus().name(),
        command.getReason(),
        command.getDetail() == null ? null : json(command.getDetail()),
        command.getGateway(),
        command.getIssuedBy(),
        command.isPriority(),
        command.getBatchId(),
        command.getCreatedAt(),
        command.getExpiresAt(),
        command.getDispatchedAt(),
        command.getStartedAt(),
        command.getFinishedAt());
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return Jsons.createObjectBuilder().add("text", text).build();
    }
  }
}
