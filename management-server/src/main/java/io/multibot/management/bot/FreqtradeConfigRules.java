package io.multibot.management.bot;

import io.multibot.common.problem.FieldError;
import io.multibot.management.platform.security.SecretFields;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks "the rest of the freqtrade config" a bot carries: no key that a bot field sets already, no
 * secret anywhere (secrets have write-only fields), and the right types for the keys freqtrade
 * reads most.
 */
final class FreqtradeConfigRules {

  /** Keys the bot's own fields set, or the gateway sets per launch. */
  static final Map<String, String> MANAGED =
      Map.ofEntries(
          Map.entry("strategy", "strategy.name"),
          Map.entry("strategy_path", "strategy"),
          Map.entry("stake_currency", "stakeCurrency"),
          Map.entry("stake_amount", "stakeAmount"),
          Map.entry("max_open_trades", "maxOpenTrades"),
          Map.entry("timeframe", "timeframe"),
          Map.entry("dry_run", "dryRun"),
          Map.entry("bot_name", "name"),
          Map.entry("api_server", "runMode, apiUrl, apiUsername and secrets"));

  /** Path-valued freqtrade keys ({@link #isFileLocation}), at any depth of the config. */
  private static final Set<String> FILE_KEYS =
      Set.of(
          "db_url",
          "user_data_dir",
          "datadir",
          "logfile",
          "add_config_files",
          "recursive_strategy_search",
          "exportfilename",
          "filename",
          "config",
          "configfile");

  private static final List<String> FILE_SUFFIXES =
      List.of("_path", "_dir", "_directory", "_file", "_files", "_filename");

  private FreqtradeConfigRules() {}

  static void check(JsonObject config, List<FieldError> errors) {
    if (config.toString().getBytes(StandardCharsets.UTF_8).length > BotRules.MAX_CONFIG_BYTES) {
      errors.add(
          new FieldError("config", "is larger than " + BotRules.MAX_CONFIG_BYTES + " bytes"));
      return;
    }
    config.forEach((key, value) -> checkTopLevel(key, value, errors));
    noSecrets("config", config, errors);
  }

  private static void checkTopLevel(String key, JsonValue value, List<FieldError> errors) {
    String path = "config." + key;
    if (MANAGED.containsKey(key)) {
      errors.add(
          new FieldError(path, "is set by the bot's " + MANAGED.get(key) + ", not in config"));
      return;
    }
    switch (key) {
      case "exchange" -> checkExchange(value, errors);
      case "dry_run_wallet" -> positiveNumber(path, value, errors);
      case "stoploss" -> range(path, value, -1.0, 0.0, errors);
      case "minimal_roi" -> numbersByKey(path, value, errors);
      case "initial_state" -> oneOf(path, value, Set.of("running", "stopped"), errors);
      case "trading_mode" -> oneOf(path, value, Set.of("spot", "margin", "futures"), errors);
      case "force_entry_enable", "cancel_open_orders_on_exit", "position_adjustment_enable" ->
          type(path, value, errors, ValueType.TRUE, ValueType.FALSE);
      default -> {
        // other freqtrade keys are passed through unchanged
      }
    }
  }

  private static void checkExchange(JsonValue value, List<FieldError> errors) {
    if (!type("config.exchange", value, errors, ValueType.OBJECT)) {
      return;
    }
    for (String managed : List.of("name", "pair_whitelist")) {
      if (value.asJsonObject().containsKey(managed)) {
        String field = managed.equals("name") ? "exchange" : "pairWhitelist";
        errors.add(new FieldError("config.exchange." + managed, "is set by the bot's " + field));
      }
    }
  }

  /** Where freqtrade's own notification secrets go instead of config. */
  private static final java.util.Map<String, String> NOTIFICATION_SECRETS =
      java.util.Map.of(
          "config.telegram.token", " (secrets.telegramToken, with secrets.telegramChatId)",
          "config.discord.webhook_url", " (secrets.discordWebhookUrl)");

  private static void noSecrets(String path, JsonValue value, List<FieldError> errors) {
    if (value.getValueType() == ValueType.OBJECT) {
      value
          .asJsonObject()
          .forEach(
              (key, child) -> {
                String childPath = path + "." + key;
                if (SecretFields.isFreqtradeSecret(key)) {
                  errors.add(
                      new FieldError(
                          childPath,
                          "is a secret: send it in secrets"
                              + NOTIFICATION_SECRETS.getOrDefault(childPath, "")
                              + ", which are stored encrypted"));
                } else if (isFileLocation(key, child)
                    && !("config".equals(path) && MANAGED.containsKey(key))) {
                  errors.add(
                      new FieldError(
                          childPath,
                          "names a file or directory: the gateway owns a bot's files (its"
                              + " workspace and trade database), so config cannot set them"));
                } else {
                  noSecrets(childPath, child, errors);
                }
              });
    } else if (value.getValueType() == ValueType.ARRAY) {
      List<JsonValue> items = value.asJsonArray();
      for (int i = 0; i < items.size(); i++) {
        noSecrets(path + "[" + i + "]", items.get(i), errors);
      }
    }
  }

  /**
   * Keys with which freqtrade reads or writes files: its database, data and log locations, extra
   * config files, strategy and model search paths, and file-based pair lists. A managed bot's files
   * live in the workspace the gateway gives it; pointing them elsewhere would let a registry admin
   * read or overwrite files on the gateway's host.
   */
  static boolean isFileLocation(String key, JsonValue value) {
    String name = key.toLowerCase(Locale.ROOT);
    if (FILE_KEYS.contains(name) || FILE_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return true;
    }
    return name.endsWith("_url")
        && value.getValueType() == ValueType.STRING
        && ((JsonString) value).getString().strip().toLowerCase(Locale.ROOT).startsWith("file:");
  }

  private static boolean type(
      String path, JsonValue value, List<FieldError> errors, ValueType... allowed) {
    for (ValueType type : allowed) {
      if (value.getValueType() == type) {
        return true;
      }
    }
    String expected =
        allowed[0] == ValueType.TRUE
            ? "a boolean"
            : "a JSON " + allowed[0].name().toLowerCase(Locale.ROOT);
    errors.add(new FieldError(path, "must be " + expected));
    return false;
  }

  private static void positiveNumber(String path, JsonValue value, List<FieldError> errors) {
    if (type(path, value, errors, ValueType.NUMBER)
        && !(((JsonNumber) value).doubleValue() > 0
            && Double.isFinite(((JsonNumber) value).doubleValue()))) {
      errors.add(new FieldError(path, "must be a number greater than 0 and finite"));
    }
  }

  private static void range(
      String path, JsonValue value, double min, double max, List<FieldError> errors) {
    if (!type(path, value, errors, ValueType.NUMBER)) {
      return;
    }
    double number = ((JsonNumber) value).doubleValue();
    if (number < min || number >= max) {
      errors.add(new FieldError(path, "must be from " + min + " up to (not including) " + max));
    }
  }

  private static void numbersByKey(String path, JsonValue value, List<FieldError> errors) {
    if (type(path, value, errors, ValueType.OBJECT)) {
      value
          .asJsonObject()
          .forEach((key, child) -> type(path + "." + key, child, errors, ValueType.NUMBER));
    }
  }

  private static void oneOf(
      String path, JsonValue value, Set<String> allowed, List<FieldError> errors) {
    if (value.getValueType() != ValueType.STRING
        || !allowed.contains(((jakarta.json.JsonString) value).getString())) {
      errors.add(
          new FieldError(
              path, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
    }
  }
}
