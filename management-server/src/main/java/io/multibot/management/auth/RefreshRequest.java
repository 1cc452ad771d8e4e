package io.multibot.management.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refresh token to exchange for new tokens. */
@Schema(description = "A refresh token")
public record RefreshRequest(
    @JsonbProperty("refresh_token") @Schema(writeOnly = true) String refreshToken) {

  @Override
  public String toString() {
    return "RefreshRequest[redacted]";
  }
}
