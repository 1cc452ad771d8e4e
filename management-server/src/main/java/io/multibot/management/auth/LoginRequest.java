package io.multibot.management.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Credentials for {@code POST /api/v1/auth/login}. */
@Schema(description = "Credentials", example = "{\"username\": \"admin\", \"password\": \"...\"}")
public record LoginRequest(String username, @Schema(writeOnly = true) String password) {

  @Override
  public String toString() {
    return "LoginRequest[username=" + username + ", password=redacted]";
  }
}
