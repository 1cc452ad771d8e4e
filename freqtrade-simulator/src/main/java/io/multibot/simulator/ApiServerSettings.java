package io.multibot.simulator;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/** The {@code api_server} section: where to listen and the credentials the API accepts. */
record ApiServerSettings(
    boolean enabled,
    String listenAddress,
    int listenPort,
    String username,
    String password,
    String jwtSecret) {

  static final String DEFAULT_JWT_SECRET = "super-secret";

  static ApiServerSettings of(JsonObject section) {
    return new ApiServerSettings(
        section.getBoolean("enabled", false),
        text(section, "listen_ip_address", "127.0.0.1"),
        section.get("listen_port") instanceof JsonNumber port ? port.intValue() : 8080,
        text(section, "username", ""),
        text(section, "password", ""),
        text(section, "jwt_secret_key", DEFAULT_JWT_SECRET));
  }

  private static String text(JsonObject section, String key, String fallback) {
    return section.get(key) instanceof JsonString text ? text.getString() : fallback;
  }
}
