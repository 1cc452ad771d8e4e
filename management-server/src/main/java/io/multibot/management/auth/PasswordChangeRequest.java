package io.multibot.management.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's own password change. */
@Schema(description = "Current and new password")
public record PasswordChangeRequest(
    @Schema(writeOnly = true) String currentPassword,
    @Schema(writeOnly = true) String newPassword) {

  @Override
  public String toString() {
    return "PasswordChangeRequest[redacted]";
  }
}
