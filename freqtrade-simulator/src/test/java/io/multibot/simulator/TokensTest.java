package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Tokens at(Instant instant) {
    return new Tokens("secret", Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void accessTokensLastFifteenMinutes() {
    String token = at(NOW).issue("freqtrader", "access");

    assertThat(at(NOW.plus(Duration.ofMinutes(14))).verify(token, "access")).contains("freqtrader");
    assertThat(at(NOW.plus(Duration.ofMinutes(16))).verify(token, "access")).isEmpty();
  }

  @Test
  void refreshTokensLastThirtyDaysAndAreNotAccessTokens() {
    String refresh = at(NOW).issue("freqtrader", "refresh");

    assertThat(at(NOW.plus(Duration.ofDays(29))).verify(refresh, "refresh")).contains("freqtrader");
    assertThat(at(NOW).verify(refresh, "access")).isEmpty();
    assertThat(at(NOW.plus(Duration.ofDays(31))).verify(refresh, "refresh")).isEmpty();
  }

  @Test
  void refusesTokensSignedWithAnotherSecretOrTampered() {
    String token = at(NOW).issue("freqtrader", "access");
    Tokens other = new Tokens("another", Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(other.verify(token, "access")).isEmpty();
    assertThat(at(NOW).verify(token.substring(0, token.length() - 2) + "xx", "access")).isEmpty();
    assertThat(at(NOW).verify("not.a.jwt", "access")).isEmpty();
  }
}
