package io.multibot.common.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.command.BotAddress;
import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandType;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamSecurityTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("another key of at least 32 bytes!".getBytes());

  private final StreamSecurity security = StreamSecurity.fromBase64(KEY);

  private static CommandMessage command(String password) {
    return new CommandMessage(
        "c-1",
        "b-1",
        CommandType.FORCEENTER,
        "{\"pair\":\"BTC/USDT\"}",
        Instant.parse("2026-11-29T00:00:00Z"),
        Instant.parse("2026-11-29T00:01:00Z"),
        new BotAddress("http://127.0.0.1:8080", "freqtrader", password));
  }

  @Test
  void acceptsItsOwnSignatureAndNothingChanged() {
    Map<String, String> signed = security.sign(command("x").toFields());

    assertThat(security.verify(signed)).isTrue();
    Map<String, String> tampered = new HashMap<>(signed);
    tampered.put("type", "forceexit");
    assertThat(security.verify(tampered)).isFalse();
    Map<String, String> unsigned = new HashMap<>(signed);
    unsigned.remove(StreamSecurity.SIGNATURE);
    assertThat(security.verify(unsigned)).isFalse();
    assertThat(StreamSecurity.fromBase64(OTHER_KEY).verify(signed)).isFalse();
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    Map<String, String> a = security.sign(Map.of("ab", "c"));
    Map<String, String> b = new HashMap<>(Map.of("a", "bc"));
    b.put(StreamSecurity.SIGNATURE, a.get(StreamSecurity.SIGNATURE));

    assertThat(security.verify(b)).isFalse();
  }

  @Test
  void encryptsSecretsSoThatOnlyTheSameKeyReadsThem() {
    String sealed = security.encrypt("bot password");

    assertThat(sealed).doesNotContain("bot password");
    assertThat(security.decrypt(sealed)).contains("bot password");
    assertThat(security.encrypt("bot password")).isNotEqualTo(sealed);
    assertThat(StreamSecurity.fromBase64(OTHER_KEY).decrypt(sealed)).isEmpty();
    assertThat(security.decrypt("not base64!")).isEmpty();
  }

  @Test
  void refusesMissingOrShortKeys() {
    assertThatThrownBy(() -> StreamSecurity.fromBase64(null)).hasMessageContaining("not set");
    assertThatThrownBy(() -> StreamSecurity.fromBase64("c2hvcnQ="))
        .hasMessageContaining("at least 32 bytes");
  }

  @Test
  void messagesSurviveTheirFieldsAndRejectMalformedOnes() {
    CommandMessage original = command("sealed");

    assertThat(CommandMessage.fromFields(original.toFields())).contains(original);
    Map<String, String> broken = new HashMap<>(original.toFields());
    broken.put("expires_at", "tomorrow");
    assertThat(CommandMessage.fromFields(broken)).isEmpty();
    broken = new HashMap<>(original.toFields());
    broken.put("type", "explode");
    assertThat(CommandMessage.fromFields(broken)).isEmpty();
    assertThat(new StreamNames("multibot", 8).partitionOf("b-1"))
        .isEqualTo(new StreamNames("multibot", 8).partitionOf("b-1"))
        .isBetween(0, 7);
  }
}
