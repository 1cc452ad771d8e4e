package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import io.multibot.common.json.Jsons;
import io.multibot.common.problem.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a command request and turns it into the type, the JSON parameters and the expiry. */
final class CommandRequestValidator {

  static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
  static final Duration MAX_EXPIRY = Duration.ofHours(1);
  private static final Pattern PAIR =
      Pattern.compile("[A-Z0-9]{1,20}/[A-Z0-9]{1,20}(:[A-Z0-9]{1,20})?");
  private static final Set<String> SIDES = Set.of("long", "short");
  private static final Set<String> ORDER_TYPES = Set.of("market", "limit");
  static final int MAX_PAIRS = 100;

  /** The valid parts of a command. */
  record Valid(CommandType type, String params, Duration expiresIn) {}

  private CommandRequestValidator() {}

  static Valid validate(CommandRequest request, CommandType fixedType) {
    List<FieldError> errors = new ArrayList<>();
    CommandType type = fixedType != null ? fixedType : type(request, errors);
    Duration expiresIn = expiry(request.expiresIn(), errors);
    JsonObjectBuilder params = Jsons.createObjectBuilder();
    if (type == CommandType.FORCEENTER) {
      forceEnter(request, params, errors);
    } else if (type == CommandType.FORCEEXIT) {
      forceExit(request, params, errors);
    } else if (type == CommandType.BLACKLIST_ADD || type == CommandType.BLACKLIST_REMOVE) {
      pairs(request.pairs(), params, errors);
    }
    if (!errors.isEmpty()) {
      throw CommandProblems.invalid(errors);
    }
    return new Valid(type, params.build().toString(), expiresIn);
  }

  private static CommandType type(CommandRequest request, List<FieldError> errors) {
    if (request.type() == null) {
      errors.add(new FieldError("type", "is required"));
      return null;
    }
    return CommandType.fromWire(request.type())
        .orElseGet(
            () -> {
              errors.add(
                  new FieldError(
                      "type",
                      "must be one of start, stop, restart, pause, reload_config, forceenter,"
                          + " forceexit, blacklist_add, blacklist_remove"));
              return null;
            });
  }

  private static Duration expiry(String raw, List<FieldError> errors) {
    if (raw == null) {
      return DEFAULT_EXPIRY;
    }
    try {
      Duration expiry = Duration.parse(raw);
      if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
        errors.add(new FieldError("expiresIn", "must be positive and at most PT1H"));
      }
      return expiry;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("expiresIn", "must be an ISO-8601 duration such as PT5M"));
      return DEFAULT_EXPIRY;
    }
  }

  private static void forceEnter(
      CommandRequest request, JsonObjectBuilder params, List<FieldError> errors) {
    if (request.pair() == null || !PAIR.matcher(request.pair()).matches()) {
      errors.add(
          new FieldError("pair", "is required, as BASE/QUOTE in capitals, such as BTC/USDT"));
    } else {
      params.add("pair", request.pair());
    }
    if (request.side() != null && !SIDES.contains(request.side())) {
      errors.add(new FieldError("side", "must be long or short"));
    } else if (request.side() != null) {
      params.add("side", request.side());
    }
    if (request.orderType() != null && !ORDER_TYPES.contains(request.orderType())) {
      errors.add(new FieldError("orderType", "must be market or limit"));
    } else if (request.orderType() != null) {
      params.add("order_type", request.orderType());
    }
    positive("stakeAmount", "stake_amount", request.stakeAmount(), params, errors);
    positive("price", "price", request.price(), params, errors);
  }

  /** 1 to {@value #MAX_PAIRS} pairs as BASE/QUOTE, each once (repeats are dropped). */
  private static void pairs(List<String> pairs, JsonObjectBuilder params, List<FieldError> errors) {
    if (pairs == null || pairs.isEmpty() || pairs.size() > MAX_PAIRS) {
      errors.add(new FieldError("pairs", "must list 1 to " + MAX_PAIRS + " pairs"));
      return;
    }
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.get(i) == null || !PAIR.matcher(pairs.get(i)).matches()) {
        errors.add(
            new FieldError(
                "pairs[" + i + "]", "must be BASE/QUOTE in capitals, such as DOGE/USDT"));
      }
    }
    params.add("pairs", Jsons.createArrayBuilder(new java.util.LinkedHashSet<>(pairs)));
  }

  private static void forceExit(
      CommandRequest request, JsonObjectBuilder params, List<FieldError> errors) {
    if (request.tradeId() instanceof JsonNumber number) {
      long id = tradeId(number);
      if (id > 0) {
        params.add("trade_id", id);
      } else {
        errors.add(
            new FieldError(
                "tradeId", "must be a whole number from 1 to " + Long.MAX_VALUE + ", or \"all\""));
      }
    } else if (request.tradeId() instanceof JsonString text && "all".equals(text.getString())) {
      params.add("trade_id", "all");
    } else {
      errors.add(new FieldError("tradeId", "is required: a positive trade id, or \"all\""));
    }
    positive("amount", "amount", request.amount(), params, errors);
  }

  /** The id exactly as sent, or 0 when it is not a whole number within a long's range. */
  private static long tradeId(JsonNumber number) {
    try {
      return number.bigDecimalValue().longValueExact();
    } catch (ArithmeticException e) {
      return 0;
    }
  }

  private static void positive(
      String field, String param, Double value, JsonObjectBuilder params, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (!(value > 0) || value.isInfinite()) {
      errors.add(new FieldError(field, "must be a positive number"));
    } else {
      params.add(param, value);
    }
  }
}
