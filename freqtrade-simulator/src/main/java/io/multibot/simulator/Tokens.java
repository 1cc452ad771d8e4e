package io.multibot.simulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * freqtrade's API tokens: HS256 JWTs signed with {@code jwt_secret_key}, claims {@code identity:
 * {u}}, {@code type} (access or refresh), {@code exp} and {@code iat}; access tokens live 15
 * minutes, refresh tokens 30 days.
 */
final class Tokens {

  static final Duration ACCESS_TTL = Duration.ofMinutes(15);
  static final Duration REFRESH_TTL = Duration.ofDays(30);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      ENCODER.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final byte[] secret;
  private final Clock clock;

  Tokens(String secret, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  String issue(String username, String type) {
    long now = clock.instant().getEpochSecond();
    long ttl = "access".equals(type) ? ACCESS_TTL.toSeconds() : REFRESH_TTL.toSeconds();
    JsonObject claims =
        Jsons.createObjectBuilder()
            .add("identity", Jsons.createObjectBuilder().add("u", username))
            .add("type", type)
            .add("iat", now)
            .add("exp", now + ttl)
            .build();
    String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    return HEADER + "." + payload + "." + sign(HEADER + "." + payload);
  }

  /** The username of a valid, unexpired token of this type. */
  Optional<String> verify(String token, String type) {
    String[] parts = token.split("\\.");
    if (parts.length != 3 || !parts[0].equals(HEADER)) {
      return Optional.empty();
    }
    byte[] expected = sign(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    JsonObject claims;
    try (JsonReader reader =
        Jsons.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      claims = reader.readObject();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    boolean current = claims.getJsonNumber("exp").longValue() > clock.instant().getEpochSecond();
    if (!current || !type.equals(claims.getString("type", ""))) {
      return Optional.empty();
    }
    return Optional.of(claims.getJsonObject("identity").getString("u"));
  }

  private String sign(String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
