package io.multibot.management.notify;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/**
 * A channel's settings that are not secret (stored as JSON, returned as they are): Telegram's chat
 * and API address, and the SMTP server, sender and recipients of an e-mail channel.
 */
record ChannelSettings(
    String chatId,
    String apiUrl,
    String smtpHost,
    Integer smtpPort,
    String smtpSecurity,
    String smtpUsername,
    String from,
    List<String> to) {

  static final String TELEGRAM_API = "https://api.telegram.org";

  ChannelSettings {
    to = to == null ? List.of() : List.copyOf(to);
  }

  String toJson() {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    put(json, "chatId", chatId);
    put(json, "apiUrl", apiUrl);
    put(json, "smtpHost", smtpHost);
    if (smtpPort != null) {
      json.add("smtpPort", smtpPort);
    }
    put(json, "smtpSecurity", smtpSecurity);
    put(json, "smtpUsername", smtpUsername);
    put(json, "from", from);
    JsonArrayBuilder recipients = Jsons.createArrayBuilder();
    to.forEach(recipients::add);
    json.add("to", recipients);
    return json.build().toString();
  }

  static ChannelSettings fromJson(String stored) {
    try (var reader = Jsons.createReader(new StringReader(stored))) {
      JsonObject o = reader.readObject();
      return new ChannelSettings(
          o.getString("chatId", null),
          o.getString("apiUrl", null),
          o.getString("smtpHost", null),
          o.containsKey("smtpPort") ? o.getInt("smtpPort") : null,
          o.getString("smtpSecurity", null),
          o.getString("smtpUsername", null),
          o.getString("from", null),
          o.containsKey("to")
              ? o.getJsonArray("to").getValuesAs(JsonString::getString)
              : List.of());
    }
  }

  private static void put(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
