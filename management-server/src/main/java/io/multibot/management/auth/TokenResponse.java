package io.multibot.management.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tokens as OAuth 2 clients expect them (RFC 6749 section 5.1 names). */
@Schema(description = "Tokens")
public record TokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("refresh_token") String refreshToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn,
    @JsonbProperty("password_change_required") boolean passwordChangeRequired) {

  @Override
  public String toString() {
    return "TokenResponse[redacted]";
  }
}
