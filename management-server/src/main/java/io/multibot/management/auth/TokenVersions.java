package io.multibot.management.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether an access token is still good: its user exists, is enabled, and its token version is the
 * one the token carries ({@link User#revokeTokens}). Looked up at most once per {@code
 * auth.revocation-check-interval} (default 5 s) per user and replica — by one request, while the
 * user's other requests wait for that answer instead of all reading the database at once — and a
 * change made through this replica is seen at once.
 *
 * <p>Invariant: a deleted or disabled user, or one whose role or password changed, is refused with
 * any older access token within that interval — not after the token's 15 minutes. {@code
 * AuthApiIT#revokedAccessEndsWithinSeconds} catches a breach.
 */
@ApplicationScoped
public class TokenVersions {

  /** Version of a user who may not sign in at all (deleted or disabled). */
  private static final int NONE = -1;

  private final UserRepository users;
  private final long intervalNanos;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

  @Inject
  public TokenVersions(
      UserRepository users,
      @ConfigProperty(name = "auth.revocation-check-interval", defaultValue = "PT5S")
          Duration interval) {
    this.users = users;
    this.intervalNanos = interval == null ? 0 : interval.toNanos();
  }

  /** For CDI's proxy only. */
  protected TokenVersions() {
    this(null, null);
  }

  /** True when a token with this version, for this user, is still valid. */
  public boolean isCurrent(String username, int tokenVersion) {
    Known entry =
        known.compute(
            username,
            (name, loaded) -> {
              long now = System.nanoTime();
              return loaded != null && now - loaded.loadedAt() <= intervalNanos
                  ? loaded
                  : new Known(load(name), now);
            });
    return entry.version() != NONE && entry.version() == tokenVersion;
  }

  /** Forgets what was loaded for the user, after a change to them through this replica. */
  public void forget(String username) {
    known.remove(username);
  }

  private int load(String username) {
    return users
        .findByUsername(username)
        .filter(User::isEnabled)
        .map(User::getTokenVersion)
        .orElse(NONE);
  }

  private record Known(int version, long loadedAt) {}
}
