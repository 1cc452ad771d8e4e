package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.command.CommandType;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRequestValidatorTest {

  private static CommandRequest enter(String pair, String side, Double stake, Double price) {
    return new CommandRequest(
        "forceenter", pair, side, stake, price, "limit", null, null, null, null);
  }

  private static CommandRequest exit(JsonValue tradeId, Double amount) {
    return new CommandRequest(
        "forceexit", null, null, null, null, null, tradeId, amount, null, null);
  }

  private static CommandRequest typed(String type, String expiresIn) {
    return new CommandRequest(type, null, null, null, null, null, null, null, null, expiresIn);
  }

  private static JsonObject params(CommandRequestValidator.Valid valid) {
    return Json.createReader(new StringReader(valid.params())).readObject();
  }

  private static List<String> fields(CommandRequest request) {
    try {
      CommandRequestValidator.validate(request, null);
    } catch (ApiException e) {
      return e.errors().stream().map(FieldError::field).toList();
    }
    throw new AssertionError("accepted");
  }

  private static CommandRequest blacklist(String type, List<String> pairs) {
    return new CommandRequest(type, null, null, null, null, null, null, null, pairs, null);
  }

  @Test
  void blacklistCommandsTakeEachPairOnce() {
    CommandRequestValidator.Valid valid =
        CommandRequestValidator.validate(
            blacklist("blacklist_add", List.of("DOGE/USDT", "XRP/USDT", "DOGE/USDT")), null);

    assertThat(valid.type()).isEqualTo(CommandType.BLACKLIST_ADD);
    assertThat(params(valid).getJsonArray("pairs").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("DOGE/USDT", "XRP/USDT");
    assertThat(
            CommandRequestValidator.validate(
                    blacklist("blacklist_remove", List.of("BTC/USDT")), null)
                .type())
        .isEqualTo(CommandType.BLACKLIST_REMOVE);
  }

  @Test
  void blacklistCommandsRefuseMissingMalformedOrTooManyPairs() {
    assertThat(fields(blacklist("blacklist_add", null))).containsExactly("pairs");
    assertThat(fields(blacklist("blacklist_add", List.of()))).containsExactly("pairs");
    assertThat(
            fields(
                blacklist("blacklist_remove", java.util.Arrays.asList("BTC/USDT", "doge", null))))
        .containsExactly("pairs[1]", "pairs[2]");
    assertThat(
            fields(
                blacklist(
                    "blacklist_add",
                    java.util.stream.IntStream.range(0, 101)
                        .mapToObj(i -> "A" + i + "/USDT")
                        .toList())))
        .containsExactly("pairs");
  }

  @Test
  void aForceEntryBecomesFreqtradesParameters() {
    CommandRequestValidator.Valid valid =
        CommandRequestValidator.validate(enter("BTC/USDT", "short", 50.0, 61000.5), null);

    assertThat(valid.type()).isEqualTo(CommandType.FORCEENTER);
    assertThat(valid.expiresIn()).isEqualTo(CommandRequestValidator.DEFAULT_EXPIRY);
    JsonObject params = params(valid);
    assertThat(params.getString("pair")).isEqualTo("BTC/USDT");
    assertThat(params.getString("side")).isEqualTo("short");
    assertThat(params.getString("order_type")).isEqualTo("limit");
    assertThat(params.getJsonNumber("stake_amount").doubleValue()).isEqualTo(50.0);
    assertThat(params.getJsonNumber("price").doubleValue()).isEqualTo(61000.5);
  }

  @Test
  void aForceEntryNamesEveryInvalidField() {
    assertThat(fields(enter("btc-usdt", "sideways", -1.0, Double.POSITIVE_INFINITY)))
        .containsExactlyInAnyOrder("pair", "side", "stakeAmount", "price");
    assertThat(fields(enter(null, null, null, null))).containsExactly("pair");
  }

  @Test
  void aForceExitTakesAnExactTradeIdOrAll() {
    assertThat(params(CommandRequestValidator.validate(exit(Json.createValue(7), 0.5), null)))
        .containsEntry("trade_id", Json.createValue(7L))
        .containsKey("amount");
    assertThat(
            params(CommandRequestValidator.validate(exit(Json.createValue("all"), null), null))
                .getString("trade_id"))
        .isEqualTo("all");
    for (JsonValue wrong :
        List.of(
            Json.createValue(new BigDecimal("18446744073709551617")),
            Json.createValue(new BigDecimal("1.5")),
            Json.createValue(0),
            Json.createValue(-3),
            Json.createValue("seven"),
            JsonValue.TRUE)) {
      assertThat(fields(exit(wrong, null))).as(wrong.toString()).containsExactly("tradeId");
    }
    assertThat(fields(exit(null, -2.0))).containsExactlyInAnyOrder("tradeId", "amount");
  }

  @Test
  void theTypeIsRequiredAndKnownUnlessThePathFixesIt() {
    assertThat(fields(typed(null, null))).containsExactly("type");
    assertThat(fields(typed("launch", null))).containsExactly("type");
    assertThat(CommandRequestValidator.validate(typed("forceenter", null), CommandType.STOP).type())
        .as("the path's type wins; a start/stop body carries no trade fields")
        .isEqualTo(CommandType.STOP);
  }

  @Test
  void anExpiryIsPositiveAndAtMostAnHour() {
    assertThat(CommandRequestValidator.validate(typed("pause", "PT30M"), null).expiresIn())
        .isEqualTo(Duration.ofMinutes(30));
    for (String wrong : List.of("PT0S", "-PT1M", "PT61M", "P1D", "five minutes")) {
      assertThat(fields(typed("pause", wrong))).as(wrong).containsExactly("expiresIn");
    }
    assertThatThrownBy(() -> CommandRequestValidator.validate(typed(null, "x"), null))
        .isInstanceOf(ApiException.class);
  }
}
