package io.multibot.management.auth;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the API shows it; never the password hash. */
@Schema(description = "A user")
public record UserView(
    String username,
    @Schema(example = "operator") String role,
    boolean enabled,
    boolean passwordChangeRequired,
    Instant lastLoginAt,
    Instant createdAt,
    Instant updatedAt) {

  static UserView of(User user) {
    return new UserView(
        user.getUsername(),
        user.getRole().apiName(),
        user.isEnabled(),
        user.isMustChangePassword(),
        user.getLastLoginAt(),
        user.getCreatedAt(),
        user.getUpdatedAt());
  }
}
