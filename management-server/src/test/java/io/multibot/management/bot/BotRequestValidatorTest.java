package io.multibot.management.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotRequestValidatorTest {

  private static BotRequest request(
      String name,
      JsonValue stake,
      List<String> pairs,
      JsonObject config,
      String runMode,
      String apiUrl) {
    return new BotRequest(
        name,
        "test bot",
        List.of("momentum", "binance"),
        new StrategyRef("SampleStrategy", null),
        "binance",
        "USDT",
        stake,
        3,
        "5m",
        null,
        pairs,
        config,
        runMode,
        null,
        apiUrl,
        apiUrl == null ? null : "freqtrader",
        null);
  }

  private static BotRequest valid() {
    return request(
        "btc-1", Json.createValue(100), List.of("BTC/USDT", "ETH/USDT:USDT"), null, null, null);
  }

  private static List<FieldError> errorsOf(BotRequest request) {
    try {
      BotRequestValidator.validate(request);
      return List.of();
    } catch (ApiException e) {
      assertThat(e.type().status()).isEqualTo(422);
      return e.errors();
    }
  }

  private static List<String> fieldsOf(BotRequest request) {
    return errorsOf(request).stream().map(FieldError::field).toList();
  }

  @Test
  void acceptsAValidBotAndDefaultsToDryRunManaged() {
    BotDefinition bot = BotRequestValidator.validate(valid());

    assertThat(bot.settings().isDryRun()).isTrue();
    assertThat(bot.runMode()).isEqualTo(RunMode.MANAGED);
    assertThat(bot.settings().getStakeAmount()).isEqualTo("100");
    assertThat(bot.settings().getPairWhitelistJson()).isEqualTo("[\"BTC/USDT\",\"ETH/USDT:USDT\"]");
    assertThat(bot.tags()).containsExactly("binance", "momentum");
  }

  @Test
  void acceptsUnlimitedStake() {
    BotRequest unlimited =
        request("b", Json.createValue("unlimited"), List.of("BTC/USDT"), null, null, null);

    assertThat(BotRequestValidator.validate(unlimited).settings().getStakeAmount())
        .isEqualTo("unlimited");
  }

  @Test
  void namesEveryInvalidFieldAtOnce() {
    BotRequest bad =
        new BotRequest(
            "Not A Slug",
            null,
            List.of("ok", "Bad Tag"),
            null,
            "Binance!",
            "usdt",
            Json.createValue(-5),
            5000,
            "7m",
            null,
            List.of(),
            null,
            "cloud",
            "sometimes",
            null,
            null,
            null);

    assertThat(fieldsOf(bad))
        .containsExactlyInAnyOrder(
            "name",
            "tags[1]",
            "strategy.name",
            "exchange",
            "stakeCurrency",
            "stakeAmount",
            "maxOpenTrades",
            "timeframe",
            "pairWhitelist",
            "runMode",
            "restartPolicy");
  }

  @Test
  void requiresEveryPairInTheStakeCurrencyOnce() {
    BotRequest bot =
        request(
            "b",
            Json.createValue(10),
            List.of("BTC/USDT", "ETH/BTC", "BTC/USDT", "nope"),
            null,
            null,
            null);

    assertThat(fieldsOf(bot))
        .containsExactly("pairWhitelist[1]", "pairWhitelist[2]", "pairWhitelist[3]");
  }

  @Test
  void refusesSecretsAndManagedKeysInTheFreeConfig() {
    JsonObject config =
        Json.createObjectBuilder()
            .add("exchange", Json.createObjectBuilder().add("key", "abc").add("name", "kraken"))
            .add("telegram", Json.createObjectBuilder().add("token", "t").add("enabled", true))
            .add("api_server", Json.createObjectBuilder().add("enabled", true))
            .add("stake_currency", "BTC")
            .add("stoploss", 0.5)
            .add("initial_state", "flying")
            .add("dry_run_wallet", 1000)
            .build();

    assertThat(
            fieldsOf(request("b", Json.createValue(10), List.of("BTC/USDT"), config, null, null)))
        .containsExactlyInAnyOrder(
            "config.exchange.key",
            "config.exchange.name",
            "config.telegram.token",
            "config.api_server",
            "config.stake_currency",
            "config.stoploss",
            "config.initial_state");
  }

  @Test
  void externalBotsNeedAnHttpApiUrlAndManagedBotsNone() {
    BotRequest noUrl =
        request("b", Json.createValue(10), List.of("BTC/USDT"), null, "external", null);
    BotRequest badUrl =
        request(
            "b", Json.createValue(10), List.of("BTC/USDT"), null, "external", "ftp://u:p@host/x?y");
    BotRequest managedWithUrl =
        request(
            "b",
            Json.createValue(10),
            List.of("BTC/USDT"),
            null,
            "managed",
            "http://10.0.0.5:8080");

    assertThat(fieldsOf(noUrl)).containsExactlyInAnyOrder("apiUrl", "apiUsername");
    assertThat(fieldsOf(badUrl)).containsExactly("apiUrl");
    assertThat(fieldsOf(managedWithUrl)).containsExactly("apiUrl");
  }

  @Test
  void refusesAMissingBody() {
    assertThatThrownBy(() -> BotRequestValidator.validate(null)).isInstanceOf(ApiException.class);
  }
}
