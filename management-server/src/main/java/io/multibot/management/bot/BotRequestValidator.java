package io.multibot.management.bot;

import io.multibot.common.json.Jsons;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Turns a {@link BotRequest} into a {@link BotDefinition}, or refuses it with every field at fault
 * (422). It checks shapes only; whether the strategy exists is the service's question.
 */
final class BotRequestValidator {

  private BotRequestValidator() {}

  static BotDefinition validate(BotRequest request) {
    if (request == null) {
      throw new ApiException(ProblemType.VALIDATION_FAILED, "A bot is required in the body.");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = required("name", request.name(), errors);
    if (name != null && !BotRules.NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name",
              "must be 1 to 64 lower-case letters, digits or '-', not starting or ending with '-'"));
    }
    if (request.description() != null
        && request.description().length() > BotRules.MAX_DESCRIPTION) {
      errors.add(
          new FieldError(
              "description", "must be at most " + BotRules.MAX_DESCRIPTION + " characters"));
    }
    Set<String> tags = tags(request.tags(), errors);
    BotSettings settings = settings(request, errors);
    RunMode runMode = runMode(request, errors);
    String restartPolicy =
        request.restartPolicy() == null ? BotRules.DEFAULT_RESTART_POLICY : request.restartPolicy();
    if (!BotRules.RESTART_POLICIES.contains(restartPolicy)) {
      errors.add(new FieldError("restartPolicy", "must be always, on-failure or never"));
    }
    secrets(request.secrets(), errors);
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION_FAILED, "The bot is invalid.", errors);
    }
    return new BotDefinition(
        name,
        request.description(),
        tags,
        settings,
        runMode,
        restartPolicy,
        request.apiUrl(),
        request.apiUsername());
  }

  private static String required(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    return value;
  }

  private static Set<String> tags(List<String> tags, List<FieldError> errors) {
    Set<String> result = new TreeSet<>();
    if (tags == null) {
      return result;
    }
    if (tags.size() > BotRules.MAX_TAGS) {
      errors.add(new FieldError("tags", "must have at most " + BotRules.MAX_TAGS + " tags"));
    }
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || !BotRules.TAG.matcher(tag).matches()) {
        errors.add(
            new FieldError(
                "tags[" + i + "]", "must be 1 to 50 lower-case letters, digits, '_', '.' or '-'"));
      } else {
        result.add(tag);
      }
    }
    return result;
  }

  private static BotSettings settings(BotRequest request, List<FieldError> errors) {
    StrategyRef strategy = strategy(request.strategy(), errors);
    String exchange =
        matching(
            "exchange",
            request.exchange(),
            BotRules.EXCHANGE,
            "a ccxt exchange id such as binance or kraken",
            errors);
    String stake =
        matching(
            "stakeCurrency",
            request.stakeCurrency(),
            BotRules.CURRENCY,
            "2 to 10 upper-case letters or digits, such as USDT",
            errors);
    String amount = stakeAmount(request.stakeAmount(), errors);
    int maxOpenTrades = maxOpenTrades(request.maxOpenTrades(), errors);
    String timeframe = request.timeframe();
    if (timeframe == null || !BotRules.TIMEFRAMES.contains(timeframe)) {
      errors.add(
          new FieldError(
              "timeframe",
              "must be one of " + String.join(", ", new TreeSet<>(BotRules.TIMEFRAMES))));
    }
    String pairs = pairs(request.pairWhitelist(), stake, errors);
    String config = request.config() == null ? "{}" : request.config().toString();
    if (request.config() != null) {
      FreqtradeConfigRules.check(request.config(), errors);
    }
    boolean dryRun = request.dryRun() == null || request.dryRun();
    return new BotSettings(
        strategy, exchange, stake, amount, maxOpenTrades, timeframe, dryRun, pairs, config);
  }

  private static StrategyRef strategy(StrategyRef strategy, List<FieldError> errors) {
    if (strategy == null || strategy.name() == null || strategy.name().isBlank()) {
      errors.add(new FieldError("strategy.name", "is required"));
      return new StrategyRef(null, null);
    }
    if (strategy.version() != null && strategy.version() < 1) {
      errors.add(
          new FieldError("strategy.version", "must be 1 or more; omit it to follow the latest"));
    }
    return strategy;
  }

  private static String matching(
      String field,
      String value,
      java.util.regex.Pattern shape,
      String expected,
      List<FieldError> errors) {
    if (value == null || !shape.matcher(value).matches()) {
      errors.add(new FieldError(field, value == null ? "is required" : "must be " + expected));
    }
    return value;
  }

  private static String stakeAmount(JsonValue value, List<FieldError> errors) {
    if (value instanceof JsonString text && BotRules.UNLIMITED.equals(text.getString())) {
      return BotRules.UNLIMITED;
    }
    if (value != null && value.getValueType() == ValueType.NUMBER) {
      BigDecimal amount = ((JsonNumber) value).bigDecimalValue();
      if (amount.signum() > 0
          && amount.compareTo(new BigDecimal("1e12")) < 0
          && amount.scale() <= 12) {
        return amount.stripTrailingZeros().toPlainString();
      }
    }
    errors.add(new FieldError("stakeAmount", "must be a positive number or \"unlimited\""));
    return BotRules.UNLIMITED;
  }

  private static int maxOpenTrades(Integer value, List<FieldError> errors) {
    if (value == null || value < -1 || value > BotRules.MAX_OPEN_TRADES) {
      errors.add(
          new FieldError(
              "maxOpenTrades", "must be from -1 (unlimited) to " + BotRules.MAX_OPEN_TRADES));
      return 0;
    }
    return value;
  }

  private static String pairs(List<String> pairs, String stakeCurrency, List<FieldError> errors) {
    JsonArrayBuilder json = Jsons.createArrayBuilder();
    if (pairs == null || pairs.isEmpty() || pairs.size() > BotRules.MAX_PAIRS) {
      errors.add(
          new FieldError("pairWhitelist", "must list 1 to " + BotRules.MAX_PAIRS + " pairs"));
      return "[]";
    }
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < pairs.size(); i++) {
      String problem = pairProblem(pairs.get(i), stakeCurrency, seen);
      if (problem != null) {
        errors.add(new FieldError("pairWhitelist[" + i + "]", problem));
      } else {
        json.add(pairs.get(i));
      }
    }
    return json.build().toString();
  }

  private static String pairProblem(String pair, String stakeCurrency, Set<String> seen) {
    Matcher matcher = pair == null ? null : BotRules.PAIR.matcher(pair);
    if (matcher == null || !matcher.matches()) {
      return "must look like BASE/QUOTE (e.g. BTC/USDT) or BASE/QUOTE:SETTLE for futures";
    }
    if (stakeCurrency != null && !matcher.group(2).equals(stakeCurrency)) {
      return "must be quoted in the stake currency " + stakeCurrency;
    }
    return seen.add(pair) ? null : "is listed twice";
  }

  private static RunMode runMode(BotRequest request, List<FieldError> errors) {
    String raw = request.runMode() == null ? "managed" : request.runMode();
    RunMode mode;
    try {
      mode = RunMode.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("runMode", "must be managed or external"));
      return RunMode.MANAGED;
    }
    if (mode == RunMode.EXTERNAL) {
      external(request, errors);
    } else if (request.apiUrl() != null || request.apiUsername() != null) {
      errors.add(
          new FieldError(
              request.apiUrl() != null ? "apiUrl" : "apiUsername",
              "is only for external bots; the gateway sets managed bots' API"));
    }
    return mode;
  }

  private static void external(BotRequest request, List<FieldError> errors) {
    if (required("apiUsername", request.apiUsername(), errors) != null
        && request.apiUsername().length() > 100) {
      errors.add(new FieldError("apiUsername", "must be at most 100 characters"));
    }
    if (required("apiUrl", request.apiUrl(), errors) == null) {
      return;
    }
    try {
      URI uri = new URI(request.apiUrl());
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!web
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null) {
        errors.add(
            new FieldError(
                "apiUrl",
                "must be an http(s) URL without credentials or query, such as http://10.0.0.5:8080"));
      }
    } catch (java.net.URISyntaxException e) {
      errors.add(new FieldError("apiUrl", "is not a valid URL"));
    }
  }

  private static void secrets(SecretsRequest secrets, List<FieldError> errors) {
    if (secrets == null) {
      return;
    }
    for (SecretName name : SecretName.values()) {
      String value = secrets.value(name);
      if (value != null
          && (value.length() > BotRules.MAX_SECRET
              || value.chars().anyMatch(Character::isISOControl))) {
        errors.add(
            new FieldError(
                "secrets." + name.jsonName(),
                "must be at most "
                    + BotRules.MAX_SECRET
                    + " characters without control characters"));
      }
    }
    String discord = secrets.discordWebhookUrl();
    if (discord != null && !discord.isEmpty() && !httpsUrl(discord)) {
      errors.add(new FieldError("secrets.discordWebhookUrl", "must be an https URL"));
    }
  }

  private static boolean httpsUrl(String value) {
    try {
      java.net.URI uri = new java.net.URI(value);
      return "https".equals(uri.getScheme()) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
