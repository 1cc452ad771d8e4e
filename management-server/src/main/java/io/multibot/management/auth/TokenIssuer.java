package io.multibot.management.auth;

import com.ibm.websphere.security.jwt.InvalidBuilderException;
import com.ibm.websphere.security.jwt.InvalidClaimException;
import com.ibm.websphere.security.jwt.JwtBuilder;
import com.ibm.websphere.security.jwt.JwtException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs access tokens with Liberty's {@code multibotTokens} JWT builder (see server.xml): subject
 * and {@code upn} are the username, {@code groups} the roles MicroProfile JWT maps to
 * {@code @RolesAllowed}.
 */
@ApplicationScoped
public class TokenIssuer {

  private final Clock clock;
  private final Duration accessTokenTtl;

  @Inject
  public TokenIssuer(
      Clock clock,
      @ConfigProperty(name = "auth.access-token-ttl", defaultValue = "PT15M")
          Duration accessTokenTtl) {
    this.clock = clock;
    this.accessTokenTtl = accessTokenTtl;
  }

  /** For CDI's proxy only. */
  protected TokenIssuer() {
    this(null, null);
  }

  public Duration accessTokenTtl() {
    return accessTokenTtl;
  }

  /** The claim with the user's token version ({@code User#getTokenVersion}). */
  public static final String VERSION_CLAIM = "tv";

  public String accessToken(String username, List<String> groups, int tokenVersion) {
    long now = clock.instant().getEpochSecond();
    try {
      return JwtBuilder.create("multibotTokens")
          .subject(username)
          .claim("upn", username)
          .claim("groups", groups.toArray(String[]::new))
          .claim(VERSION_CLAIM, tokenVersion)
          .jwtId(true)
          .expirationTime(now + accessTokenTtl.toSeconds())
          .notBefore(now - 1)
          .buildJwt()
          .compact();
    } catch (InvalidBuilderException | InvalidClaimException | JwtException e) {
      throw new IllegalStateException(
          "cannot sign an access token; check the jwtBuilder in server.xml", e);
    }
  }
}
