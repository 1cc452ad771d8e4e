package io.multibot.management.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-in, token refresh and a user's own password change. */
@ApplicationScoped
public class AuthService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final TokenIssuer tokens;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Duration refreshTtl;
  private final TokenVersions versions;

  @Inject
  public AuthService(
      UserRepository users,
      PasswordHasher hasher,
      TokenIssuer tokens,
      LoginThrottle throttle,
      Clock clock,
      @ConfigProperty(name = "auth.refresh-token-ttl", defaultValue = "P7D") Duration refreshTtl,
      TokenVersions versions) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
    this.refreshTtl = refreshTtl;
    this.versions = versions;
  }

  /** For CDI's proxy only. */
  protected AuthService() {
    this(null, null, null, null, null, null, null);
  }

  /**
   * Checks the credentials and issues tokens. Failures are counted per username and per client
   * address; past the limit, even correct credentials wait (429) so guessing gains nothing.
   */
  @Transactional(dontRollbackOn = ThrottledException.class)
  public TokenResponse login(LoginRequest request, String clientAddress) {
    String username = request == null || request.username() == null ? "" : request.username();
    String password = request == null || request.password() == null ? "" : request.password();
    Optional<Duration> wait = throttle.retryAfter(username, clientAddress);
    if (wait.isPresent()) {
      throw new ThrottledException(wait.get());
    }
    Optional<User> user = users.findByUsername(username).filter(User::isEnabled);
    if (user.isEmpty()) {
      hasher.checkAgainstNobody(password);
    }
    if (user.isEmpty() || !hasher.matches(password, user.get().getPasswordHash())) {
      throttle.failed(username, clientAddress);
      throw AuthProblems.badCredentials();
    }
    throttle.succeeded(username);
    user.get().signedIn(clock.instant());
    return issue(user.get());
  }

  /** Exchanges a refresh token for new tokens; the old one is revoked (rotation). */
  @Transactional(dontRollbackOn = io.multibot.common.problem.ApiException.class)
  public TokenResponse refresh(RefreshRequest request) {
    return refresh(request == null ? null : request.refreshToken());
  }

  /** Exchanges a refresh token (from the body or the console's cookie) for new tokens. */
  @Transactional(dontRollbackOn = io.multibot.common.problem.ApiException.class)
  public TokenResponse refresh(String token) {
    if (token == null || token.isBlank()) {
      throw AuthProblems.badRefreshToken();
    }
    RefreshToken stored =
        users.findRefreshToken(sha256(token)).orElseThrow(AuthProblems::badRefreshToken);
    if (stored.isRevoked()) {
      users.revokeRefreshTokens(stored.getUser());
      throw AuthProblems.badRefreshToken();
    }
    if (!stored.isUsable(clock.instant()) || !stored.getUser().isEnabled()) {
      throw AuthProblems.badRefreshToken();
    }
    stored.revoke();
    return issue(stored.getUser());
  }

  /**
   * Signs out: the refresh token stops working at once. An unknown, expired or already revoked
   * token is not an error (signing out twice, or after the token ran out, leaves the same state);
   * the access token already issued runs out by itself within its lifetime.
   *
   * @return the user whose token it was, if it was one
   */
  @Transactional
  public Optional<String> signOut(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<RefreshToken> stored = users.findRefreshToken(sha256(token));
    stored.ifPresent(RefreshToken::revoke);
    return stored.map(t -> t.getUser().getUsername());
  }

  /** How long a refresh token lives (the console's cookie lives as long). */
  public Duration refreshTtl() {
    return refreshTtl;
  }

  @Transactional
  public UserView me(String username) {
    return users
        .findByUsername(username)
        .map(UserView::of)
        .orElseThrow(AuthProblems::badCredentials);
  }

  /** A user's own change: needs the current password; revokes every refresh token. */
  @Transactional
  public void changePassword(String username, PasswordChangeRequest request) {
    User user = users.findByUsername(username).orElseThrow(AuthProblems::badCredentials);
    String current =
        request == null || request.currentPassword() == null ? "" : request.currentPassword();
    if (!hasher.matches(current, user.getPasswordHash())) {
      throw AuthProblems.invalid("currentPassword", "is not your current password");
    }
    String newPassword = request.newPassword();
    String weakness = PasswordHasher.weakness(newPassword, username);
    if (weakness != null) {
      throw AuthProblems.invalid("newPassword", weakness);
    }
    if (hasher.matches(newPassword, user.getPasswordHash())) {
      throw AuthProblems.invalid("newPassword", "must differ from the current password");
    }
    user.changePassword(hasher.hash(newPassword), clock.instant());
    users.revokeRefreshTokens(user);
    versions.forget(username);
  }

  private TokenResponse issue(User user) {
    List<String> groups =
        user.isMustChangePassword() ? List.of(Role.PASSWORD_CHANGE_NAME) : user.getRole().groups();
    String access = tokens.accessToken(user.getUsername(), groups, user.getTokenVersion());
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    users.addRefreshToken(
        new RefreshToken(sha256(refresh), user, clock.instant().plus(refreshTtl), clock.instant()));
    return new TokenResponse(
        access,
        refresh,
        "Bearer",
        tokens.accessTokenTtl().toSeconds(),
        user.isMustChangePassword());
  }

  static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
