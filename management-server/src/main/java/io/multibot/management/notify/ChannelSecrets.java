package io.multibot.management.notify;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A channel's write-only settings: stored encrypted, never returned, never logged. On update an
 * omitted field keeps the stored value and an empty string removes it.
 */
@Schema(description = "Write-only: never returned; on update an omitted field keeps its value")
public record ChannelSecrets(
    @Schema(
            writeOnly = true,
            description = "The webhook URL (webhook, slack, discord, teams): it holds a token")
        String url,
    @Schema(writeOnly = true, description = "webhook: the HMAC-SHA256 key, 16 characters or more")
        String signingSecret,
    @Schema(writeOnly = true, description = "telegram: the bot token from BotFather")
        String botToken,
    @Schema(writeOnly = true, description = "email: the SMTP password") String password) {

  static final ChannelSecrets NONE = new ChannelSecrets(null, null, null, null);

  /** These secrets with {@code changes} applied: null keeps, empty removes, a value replaces. */
  ChannelSecrets merge(ChannelSecrets changes) {
    if (changes == null) {
      return this;
    }
    return new ChannelSecrets(
        pick(url, changes.url),
        pick(signingSecret, changes.signingSecret),
        pick(botToken, changes.botToken),
        pick(password, changes.password));
  }

  private static String pick(String stored, String change) {
    if (change == null) {
      return stored;
    }
    return change.isEmpty() ? null : change;
  }

  /** The names of the fields that hold a value (shown as {@code secretsSet}). */
  List<String> setNames() {
    List<String> names = new ArrayList<>();
    add(names, "url", url);
    add(names, "signingSecret", signingSecret);
    add(names, "botToken", botToken);
    add(names, "password", password);
    return names;
  }

  /** The values, for scrubbing them out of anything a channel answers. */
  Stream<String> values() {
    return Stream.of(url, signingSecret, botToken, password).filter(v -> v != null && !v.isEmpty());
  }

  String get(String name) {
    return switch (name) {
      case "url" -> url;
      case "signingSecret" -> signingSecret;
      case "botToken" -> botToken;
      case "password" -> password;
      default -> null;
    };
  }

  private static void add(List<String> names, String name, String value) {
    if (value != null && !value.isEmpty()) {
      names.add(name);
    }
  }

  String toJson() {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    for (String name : setNames()) {
      json.add(name, get(name));
    }
    return json.build().toString();
  }

  static ChannelSecrets fromJson(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      return new ChannelSecrets(
          o.getString("url", null),
          o.getString("signingSecret", null),
          o.getString("botToken", null),
          o.getString("password", null));
    }
  }

  @Override
  public String toString() {
    return "ChannelSecrets[set=" + setNames() + "]";
  }
}
