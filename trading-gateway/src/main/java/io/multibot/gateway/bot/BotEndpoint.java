package io.multibot.gateway.bot;

import java.net.URI;

/**
 * Which bot, where its freqtrade API is and the credentials it accepts. The bot id is part of what
 * identifies it for sessions, circuit, bulkhead and rate budget, so two bots behind one address (a
 * proxy, or a bot registered twice) never share a budget or a session.
 */
public record BotEndpoint(String botId, URI baseUrl, String username, String password) {

  /** The URL of an API route, such as {@code show_config}. */
  URI route(String path) {
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
    return URI.create(base + "api/v1/" + path);
  }

  /** What identifies the bot for sessions and guards: the bot, its address and user. */
  String key() {
    return botId + "|" + baseUrl + "|" + username;
  }

  @Override
  public String toString() {
    return "BotEndpoint[" + botId + ", " + baseUrl + ", user=" + username + ", password=redacted]";
  }
}
