package io.multibot.common.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command on its way to a gateway, as the fields of a stream entry. {@code params} is the
 * command's JSON arguments (such as a force entry's pair); {@code expiresAt} is when it must no
 * longer start. An external bot's command carries its API address ({@code bot}); a managed bot's
 * has none ({@code bot} is {@code null}: the gateway running it knows where it answers), and its
 * start and restart carry the {@link LaunchSpec}, encrypted ({@code launch}, else {@code null}).
 * {@code recovered} marks a command sent again after Redis lost it while it was queued or running:
 * it may have reached the bot already, so the gateway treats it as redelivered and checks the bot
 * before any non-idempotent call.
 */
public record CommandMessage(
    String id,
    String botId,
    CommandType type,
    String params,
    Instant issuedAt,
    Instant expiresAt,
    BotAddress bot,
    String launch,
    boolean recovered) {

  /** A command for an external bot, reached at {@code bot}. */
  public CommandMessage(
      String id,
      String botId,
      CommandType type,
      String params,
      Instant issuedAt,
      Instant expiresAt,
      BotAddress bot) {
    this(id, botId, type, params, issuedAt, expiresAt, bot, null, false);
  }

  /** Whether the bot is one a gateway launches (no API address travels with its commands). */
  public boolean managed() {
    return bot == null;
  }

  public static final String VERSION = "1";

  public Map<String, String> toFields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("v", VERSION);
    fields.put("kind", "command");
    fields.put("id", id);
    fields.put("bot", botId);
    fields.put("type", type.wireName());
    fields.put("params", params);
    fields.put("issued_at", issuedAt.toString());
    fields.put("expires_at", expiresAt.toString());
    if (bot != null) {
      fields.put("bot_url", bot.url());
      fields.put("bot_user", bot.username());
      fields.put("bot_password", bot.encryptedPassword());
    }
    if (launch != null) {
      fields.put("launch", launch);
    }
    if (recovered) {
      fields.put("recovered", Boolean.toString(recovered));
    }
    return fields;
  }

  /** The command in these fields, or empty when a field is missing or malformed. */
  public static Optional<CommandMessage> fromFields(Map<String, String> fields) {
    try {
      if (!VERSION.equals(fields.get("v")) || !"command".equals(fields.get("kind"))) {
        return Optional.empty();
      }
      Optional<CommandType> type = CommandType.fromWire(fields.getOrDefault("type", ""));
      return type.map(
          t ->
              new CommandMessage(
                  required(fields, "id"),
                  required(fields, "bot"),
                  t,
                  fields.getOrDefault("params", "{}"),
                  Instant.parse(required(fields, "issued_at")),
                  Instant.parse(required(fields, "expires_at")),
                  address(fields),
                  fields.get("launch"),
                  recovered(fields)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean recovered(Map<String, String> fields) {
    return Boolean.parseBoolean(fields.get("recovered"));
  }

  private static BotAddress address(Map<String, String> fields) {
    if (!fields.containsKey("bot_url")) {
      return null;
    }
    return new BotAddress(
        required(fields, "bot_url"),
        required(fields, "bot_user"),
        fields.getOrDefault("bot_password", ""));
  }

  static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing field " + name);
    }
    return value;
  }
}
