package io.multibot.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.stream.StreamSecurity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A managed bot's command on the stream: no address, and the launch spec sealed. */
class ManagedMessagesTest {

  private static final StreamSecurity SECURITY =
      StreamSecurity.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  private static final LaunchSpec SPEC =
      new LaunchSpec(
          "b-1",
          "btc-1",
          "{\"dry_run\": true}",
          "Sample",
          "class Sample(IStrategy):\n    pass\n",
          "always",
          Map.of("key", "exchange-key", "secret", "exchange-secret"));

  @Test
  void aLaunchSpecSurvivesJsonAndNeverPrintsItsSecrets() {
    assertThat(LaunchSpec.fromJson(SPEC.toJson())).contains(SPEC);
    assertThat(SPEC.toString()).doesNotContain("exchange-secret").contains("[key, secret]");
    assertThat(LaunchSpec.fromJson("{\"bot_id\": 1}")).isEmpty();
    assertThat(LaunchSpec.fromJson("not json")).isEmpty();
  }

  @Test
  void aManagedCommandTravelsWithoutAnAddressAndWithItsSpecSealed() {
    Instant now = Instant.parse("2026-11-29T00:00:00Z");
    CommandMessage start =
        new CommandMessage(
            "c-1",
            "b-1",
            CommandType.START,
            "{}",
            now,
            now.plusSeconds(60),
            null,
            SECURITY.encrypt(SPEC.toJson()),
            false);

    Map<String, String> fields = start.toFields();
    CommandMessage read = CommandMessage.fromFields(fields).orElseThrow();

    assertThat(fields).doesNotContainKeys("bot_url", "bot_user", "bot_password");
    assertThat(fields.get("launch")).doesNotContain("exchange-secret");
    assertThat(read.managed()).isTrue();
    assertThat(read).isEqualTo(start);
    assertThat(SECURITY.decrypt(read.launch()).flatMap(LaunchSpec::fromJson)).contains(SPEC);
  }

  @Test
  void anExternalCommandStillCarriesItsAddress() {
    Instant now = Instant.parse("2026-11-29T00:00:00Z");
    CommandMessage stop =
        new CommandMessage(
            "c-2",
            "b-2",
            CommandType.STOP,
            "{}",
            now,
            now.plusSeconds(60),
            new BotAddress("http://bot:8080", "freqtrader", SECURITY.encrypt("pw")));

    CommandMessage read = CommandMessage.fromFields(stop.toFields()).orElseThrow();

    assertThat(read.managed()).isFalse();
    assertThat(read.launch()).isNull();
    assertThat(read.bot().url()).isEqualTo("http://bot:8080");
  }

  @Test
  void aRecoveredCommandSaysSoOnTheWireAndAFreshOneDoesNot() {
    CommandMessage fresh =
        new CommandMessage(
            "c-9",
            "bot-9",
            CommandType.FORCEENTER,
            "{\"pair\":\"BTC/USDT\"}",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:05:00Z"),
            null,
            null,
            false);
    CommandMessage recovered =
        new CommandMessage(
            fresh.id(),
            fresh.botId(),
            fresh.type(),
            fresh.params(),
            fresh.issuedAt(),
            fresh.expiresAt(),
            null,
            null,
            true);

    assertThat(CommandMessage.fromFields(fresh.toFields()).orElseThrow().recovered()).isFalse();
    assertThat(fresh.toFields()).doesNotContainKey("recovered");
    assertThat(CommandMessage.fromFields(recovered.toFields()).orElseThrow().recovered()).isTrue();
  }

  @Test
  void unknownIsFinalButARealResultStillReplacesIt() {
    assertThat(CommandStatus.UNKNOWN.terminal()).isTrue();
    assertThat(CommandStatus.RUNNING.canMoveTo(CommandStatus.UNKNOWN)).isTrue();
    assertThat(CommandStatus.UNKNOWN.canMoveTo(CommandStatus.SUCCEEDED)).isTrue();
    assertThat(CommandStatus.UNKNOWN.canMoveTo(CommandStatus.FAILED)).isTrue();
    assertThat(CommandStatus.UNKNOWN.canMoveTo(CommandStatus.EXPIRED)).isFalse();
    assertThat(CommandStatus.UNKNOWN.canMoveTo(CommandStatus.RUNNING)).isFalse();
    assertThat(CommandStatus.SUCCEEDED.canMoveTo(CommandStatus.UNKNOWN)).isFalse();
    assertThat(CommandType.FORCEEXIT.idempotent()).isFalse();
  }
}
