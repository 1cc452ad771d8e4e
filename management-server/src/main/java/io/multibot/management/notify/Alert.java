package io.multibot.management.notify;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/**
 * Something an operator may need to hear about. {@code subject} is what it is about, as a person
 * reads it (a bot's name, a command's id); {@code botId} scopes it for rules that name bots or tags
 * ({@code null} when no bot is concerned, like the kill switch); {@code text} says what happened,
 * never holding a secret; {@code value} is the figure rules may compare (a losing trade's loss in
 * percent), or {@code null}.
 */
public record Alert(
    AlertType type,
    Severity severity,
    String botId,
    String subject,
    String text,
    Instant at,
    Double value) {

  private static final int TEXT_LIMIT = 2_000;

  public Alert {
    if (text != null && text.length() > TEXT_LIMIT) {
      text = text.substring(0, TEXT_LIMIT);
    }
  }

  /** An alert of its type's default severity. */
  public static Alert of(AlertType type, String botId, String subject, String text, Instant at) {
    return new Alert(type, type.severity(), botId, subject, text, at, null);
  }

  /** An alert of its type's default severity carrying a figure rules compare. */
  public static Alert of(
      AlertType type, String botId, String subject, String text, Instant at, double value) {
    return new Alert(type, type.severity(), botId, subject, text, at, value);
  }

  /**
   * This alert about a bot, the subject naming it ("bot alpha"), or keeping what the source said
   * when that already starts with something else (a command's type and id).
   */
  Alert about(io.multibot.management.bot.BotSummary bot) {
    String named =
        subject.equals(botId) ? "bot " + bot.name() : subject + " (bot " + bot.name() + ")";
    return new Alert(type, severity, botId, named, text, at, value);
  }

  /** One line for chat channels and mail subjects. */
  String headline() {
    return "["
        + severity.wire().toUpperCase(java.util.Locale.ROOT)
        + "] "
        + type.wire()
        + ": "
        + subject;
  }

  String toJson() {
    JsonObjectBuilder json =
        Jsons.createObjectBuilder()
            .add("type", type.wire())
            .add("severity", severity.wire())
            .add("subject", subject)
            .add("text", text == null ? "" : text)
            .add("at", at.toString());
    if (botId != null) {
      json.add("botId", botId);
    }
    if (value != null) {
      json.add("value", value);
    }
    return json.build().toString();
  }

  static Alert fromJson(String stored) {
    try (var reader = Jsons.createReader(new StringReader(stored))) {
      JsonObject json = reader.readObject();
      return new Alert(
          AlertType.parse(json.getString("type")).orElse(AlertType.TEST),
          Severity.parse(json.getString("severity")).orElse(Severity.INFO),
          json.getString("botId", null),
          json.getString("subject"),
          json.getString("text", ""),
          Instant.parse(json.getString("at")),
          json.containsKey("value") ? json.getJsonNumber("value").doubleValue() : null);
    }
  }
}
