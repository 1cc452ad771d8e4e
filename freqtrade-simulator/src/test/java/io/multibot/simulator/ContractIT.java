package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every simulator answer against the contract reference: the fields and JSON types named in {@code
 * contract/freqtrade-fields.json}, and the methods and authentication of the routes in {@code
 * contract/freqtrade-routes.tsv} (a copy of the reference's route table).
 */
class ContractIT {

  /** The routes the simulator serves (the list), as they appear in the route table. */
  private static final Set<String> SERVED =
      Set.of(
          "GET /api/v1/ping",
          "POST /api/v1/token/login",
          "POST /api/v1/token/refresh",
          "GET /api/v1/version",
          "GET /api/v1/show_config",
          "GET /api/v1/health",
          "GET /api/v1/sysinfo",
          "GET /api/v1/logs",
          "POST /api/v1/start",
          "POST /api/v1/stop",
          "POST /api/v1/stopentry",
          "POST /api/v1/stopbuy",
          "POST /api/v1/pause",
          "POST /api/v1/reload_config",
          "GET /api/v1/status",
          "GET /api/v1/trades",
          "GET /api/v1/trade/{tradeid}",
          "GET /api/v1/count",
          "GET /api/v1/balance",
          "GET /api/v1/profit",
          "GET /api/v1/performance",
          "GET /api/v1/daily",
          "POST /api/v1/forceenter",
          "POST /api/v1/forcebuy",
          "POST /api/v1/forceexit",
          "POST /api/v1/forcesell",
          "GET /api/v1/whitelist",
          "GET /api/v1/blacklist",
          "POST /api/v1/blacklist",
          "DELETE /api/v1/blacklist",
          "GET /api/v1/locks");

  private static SimulatorProcess bot;
  private static BotHttp http;
  private static JsonObject fields;

  @BeforeAll
  static void launch(@TempDir Path dir) throws Exception {
    bot =
        SimulatorProcess.start(
            dir,
            TradingRoutesIT.FROZEN_MARKET
                + ", \"initial_state\": \"running\", \"force_entry_enable\": true",
            Map.of());
    http = new BotHttp(bot, Duration.ofSeconds(5));
    try (InputStream in = ContractIT.class.getResourceAsStream("/contract/freqtrade-fields.json");
        JsonReader reader =
            Json.createReader(
                new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      fields = reader.readObject();
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    bot.close();
  }

  @Test
  void routesHaveTheReferencesMethodsAndAuthentication() throws Exception {
    List<String[]> rows = routeTable();
    List<String> checked = new ArrayList<>();
    for (String[] row : rows) {
      String key = row[0] + " " + row[1];
      if (!SERVED.contains(key)) {
        continue;
      }
      String path = row[1].substring("/api/v1/".length()).replace("{tradeid}", "1");
      int anonymous = http.call(row[0], path, null, null).status();
      int expected = "none".equals(row[2]) ? 200 : 401;
      assertThat(anonymous).as(key + " without credentials").isEqualTo(expected);
      checked.add(key);
    }
    assertThat(checked).containsExactlyInAnyOrderElementsOf(SERVED);
  }

  @Test
  void answersCarryTheReferencesFieldsAndTypes() throws Exception {
    JsonObject entered = http.post("forceenter", "{\"pair\": \"DOGE/USDT\"}").json();
    int id = entered.getInt("trade_id");
    check("trade", entered);
    check("open trade", http.get("trade/" + id).json());
    JsonObject login = http.call("POST", "token/login", BotHttp.BASIC, null).json();
    check("POST token/login", login);
    check(
        "POST token/refresh",
        http.call("POST", "token/refresh", "Bearer " + login.getString("refresh_token"), null)
            .json());
    check("GET ping", http.call("GET", "ping", null, null).json());
    check("POST forceexit", http.post("forceexit", "{\"tradeid\": " + id + "}").json());
  }

  @Test
  void reportsCarryTheReferencesFieldsAndTypes() throws Exception {
    http.post("forceenter", "{\"pair\": \"SOL/USDT\"}");
    for (String route :
        new String[] {
          "version",
          "show_config",
          "health",
          "sysinfo",
          "logs",
          "count",
          "profit",
          "whitelist",
          "blacklist"
        }) {
      check("GET " + route, http.get(route).json());
    }
    JsonObject balance = http.get("balance").json();
    check("GET balance", balance);
    checkEach("GET balance currencies[]", balance.getJsonArray("currencies"));
    JsonObject daily = http.get("daily").json();
    check("GET daily", daily);
    checkEach("GET daily data[]", daily.getJsonArray("data"));
    checkEach("GET performance[]", http.get("performance").body().asJsonArray());
    for (JsonObject open : http.get("status").body().asJsonArray().getValuesAs(JsonObject.class)) {
      check("trade", open);
      check("open trade", open);
    }
    JsonObject trades = http.get("trades").json();
    check("GET trades", trades);
    assertThat(trades.getJsonArray("trades")).isNotEmpty();
    checkEach("trade", trades.getJsonArray("trades"));
    JsonObject locks = http.get("locks").json();
    check("GET locks", locks);
    checkEach("GET locks locks[]", locks.getJsonArray("locks"));
  }

  @Test
  void showConfigWritesTheStakeAsPythonDoesAndTheStrategysOrderTypes() throws Exception {
    JsonObject config = http.get("show_config").json();

    assertThat(config.getString("stake_amount")).as("str(100)").isEqualTo("100");
    JsonObject orderTypes = config.getJsonObject("order_types");
    assertThat(orderTypes.getString("entry")).isEqualTo("limit");
    assertThat(orderTypes.getString("exit")).isEqualTo("limit");
    assertThat(orderTypes.getString("stoploss")).isEqualTo("limit");
    assertThat(orderTypes.getBoolean("stoploss_on_exchange")).isFalse();
    assertThat(config.getBoolean("stoploss_on_exchange")).isFalse();
  }

  @Test
  void controlAnswersCarryAStatus() throws Exception {
    for (String control :
        new String[] {"stopentry", "stopbuy", "pause", "start", "reload_config", "stop"}) {
      check("POST " + control, http.post(control, null).json());
    }
  }

  private static void checkEach(String answer, JsonArray items) {
    items.getValuesAs(JsonObject.class).forEach(item -> check(answer, item));
  }

  private static void check(String answer, JsonObject json) {
    JsonObject expected = fields.getJsonObject(answer);
    for (Map.Entry<String, JsonValue> field : expected.entrySet()) {
      String types = ((JsonString) field.getValue()).getString();
      assertThat(json.containsKey(field.getKey())).as(answer + " has " + field.getKey()).isTrue();
      assertThat(
              Arrays.stream(types.split("\\|"))
                  .anyMatch(type -> is(json.get(field.getKey()), type)))
          .as(answer + "." + field.getKey() + " is " + types + ": " + json.get(field.getKey()))
          .isTrue();
    }
  }

  private static boolean is(JsonValue value, String type) {
    return switch (type) {
      case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
      case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
      case "integer" -> value instanceof JsonNumber number && number.isIntegral();
      case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
      case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
      case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
      case "null" -> value == JsonValue.NULL;
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static List<String[]> routeTable() throws IOException {
    try (InputStream in = ContractIT.class.getResourceAsStream("/contract/freqtrade-routes.tsv")) {
      String table = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      return table.lines().skip(1).map(line -> line.split("\t")).toList();
    }
  }
}
