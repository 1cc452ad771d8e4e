package io.multibot.management.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user as an admin writes it. On create, {@code password} is the initial one and the user must
 * change it at first sign-in; on update, a {@code password} resets it the same way, and an omitted
 * one keeps it.
 */
@Schema(
    description = "A user to create or update",
    example =
        "{\"username\": \"alice\", \"password\": \"a long initial password\", \"role\": \"operator\"}")
public record UserRequest(
    String username,
    @Schema(writeOnly = true) String password,
    @Schema(description = "viewer, operator or admin") String role,
    @Schema(description = "Default true") Boolean enabled) {

  @Override
  public String toString() {
    return "UserRequest[username=" + username + ", role=" + role + ", password=redacted]";
  }
}
