package io.multibot.gateway.bot;

import java.net.URI;

/** Where a bot's freqtrade API is and the credentials it accepts. */
public record BotEndpoint(URI baseUrl, String username, String password) {

  /** The URL of an API route, such as {@code show_config}. */
  URI route(String path) {
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    return URI.create(base + "api/v1/" + path);
  }

  /** What identifies the bot for sessions and guards: its address and user, not its password. */
  String key() {
    return baseUrl + "|" + username;
  }

  @Override
  public String toString() {
    return "BotEndpoint[" + baseUrl + ", user=" + username + ", password=redacted]";
  }
}
