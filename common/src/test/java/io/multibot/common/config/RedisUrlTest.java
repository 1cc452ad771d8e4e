package io.multibot.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisUrlTest {

  @Test
  void parsesHostAndPortWithDefaults() {
    RedisUrl url = RedisUrl.parse("redis://localhost:6379");

    assertThat(url).isEqualTo(new RedisUrl(false, "localhost", 6379, null, null, 0));
  }

  @Test
  void parsesUserPasswordDatabaseAndTls() {
    RedisUrl url = RedisUrl.parse("rediss://ops:s%40cret@redis.example.com:6380/3");

    assertThat(url.tls()).isTrue();
    assertThat(url.host()).isEqualTo("redis.example.com");
    assertThat(url.port()).isEqualTo(6380);
    assertThat(url.user()).isEqualTo("ops");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.database()).isEqualTo(3);
  }

  @Test
  void acceptsPasswordWithoutUserAndMissingPort() {
    RedisUrl url = RedisUrl.parse("redis://:hunter2@cache");

    assertThat(url.user()).isNull();
    assertThat(url.password()).isEqualTo("hunter2");
    assertThat(url.port()).isEqualTo(RedisUrl.DEFAULT_PORT);
  }

  @Test
  void redactsPasswordWhenShown() {
    RedisUrl url = RedisUrl.parse("redis://ops:hunter2@cache:7000/2");

    assertThat(url.redacted()).isEqualTo("redis://ops:***@cache:7000/2");
    assertThat(url.toString()).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:6379",
        "http://localhost:6379",
        "redis://",
        "redis://host:port",
        "redis://host:6379/zero",
        "redis://host:6379/1?timeout=3",
        "redis ://host",
        " "
      })
  void rejectsMalformedUrlsNamingTheVariable(String value) {
    assertThatThrownBy(() -> RedisUrl.parse(value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("REDIS_URL is malformed: ")
        .hasMessageContaining("Expected redis://")
        .extracting(e -> ((InvalidSettingException) e).variable())
        .isEqualTo("REDIS_URL");
  }

  @Test
  void quotesInputOnOneLogLine() {
    assertThatThrownBy(() -> RedisUrl.parse("redis://cache:6379/1%0AFAKE"))
        .hasMessageContaining("'1?FAKE'")
        .hasMessageNotContaining("\n");
  }

  @Test
  void neverEchoesThePasswordOfAMalformedUrl() {
    assertThatThrownBy(() -> RedisUrl.parse("redis://ops:hunter2@cache:6379/x"))
        .hasMessageNotContaining("hunter2");
  }
}
