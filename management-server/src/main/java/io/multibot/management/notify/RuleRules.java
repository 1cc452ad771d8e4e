package io.multibot.management.notify;

import io.multibot.common.problem.ApiException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a rule request and turns it into a definition; every refusal names the field. */
final class RuleRules {

  private static final int MAX_ITEMS = 100;
  private static final Duration MAX_DEDUP = Duration.ofDays(1);

  private RuleRules() {}

  static RuleDefinition definition(
      RuleRequest request, Predicate<String> channelExists, Predicate<String> botExists) {
    List<String> channels = items("channels", request.channels());
    if (channels.isEmpty()) {
      throw invalid("channels", "must name at least one channel");
    }
    channels.stream()
        .filter(channelExists.negate())
        .findFirst()
        .ifPresent(
            c -> {
              throw invalid("channels", "names no channel '" + c + "'");
            });
    List<String> bots = items("bots", request.bots());
    bots.stream()
        .filter(botExists.negate())
        .findFirst()
        .ifPresent(
            b -> {
              throw invalid("bots", "names no bot '" + b + "'");
            });
    return new RuleDefinition(
        events(request.events()),
        bots,
        items("tags", request.tags()),
        severity(request.minSeverity()),
        channels,
        dedup(request.dedupWindow()),
        quiet(request.quietHours()),
        !Boolean.FALSE.equals(request.sendResolved()),
        lossPercent(request.tradeLossPercent()));
  }

  private static double lossPercent(Double percent) {
    if (percent == null) {
      return 0;
    }
    if (!Double.isFinite(percent) || percent < 0 || percent > 100) {
      throw invalid("tradeLossPercent", "must be between 0 and 100");
    }
    return percent;
  }

  private static Set<AlertType> events(List<String> events) {
    if (events == null || events.isEmpty()) {
      throw invalid("events", "must name at least one alert type");
    }
    Set<AlertType> types = EnumSet.noneOf(AlertType.class);
    for (String event : items("events", events)) {
      AlertType type =
          AlertType.parse(event)
              .filter(t -> t != AlertType.TEST)
              .orElseThrow(() -> invalid("events", "'" + event + "' is not an alert type"));
      types.add(type);
    }
    return types;
  }

  private static List<String> items(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_ITEMS) {
      throw invalid(field, "may hold at most " + MAX_ITEMS + " entries");
    }
    for (String value : values) {
      if (value == null || value.isBlank() || value.length() > 64) {
        throw invalid(field, "entries must be 1 to 64 characters");
      }
    }
    return values.stream().distinct().toList();
  }

  private static Severity severity(String severity) {
    if (severity == null) {
      return Severity.INFO;
    }
    return Severity.parse(severity)
        .orElseThrow(() -> invalid("minSeverity", "must be info, warning or critical"));
  }

  private static Duration dedup(String window) {
    if (window == null) {
      return RuleDefinition.DEFAULT_DEDUP;
    }
    try {
      Duration duration = Duration.parse(window);
      if (duration.isNegative() || duration.compareTo(MAX_DEDUP) > 0) {
        throw invalid("dedupWindow", "must be between PT0S and P1D");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw invalid("dedupWindow", "must be an ISO-8601 duration such as PT10M");
    }
  }

  private static QuietHours quiet(RuleRequest.QuietHoursRequest quiet) {
    if (quiet == null) {
      return null;
    }
    LocalTime from = time("quietHours.from", quiet.from());
    LocalTime to = time("quietHours.to", quiet.to());
    if (from.equals(to)) {
      throw invalid("quietHours.to", "must differ from quietHours.from");
    }
    ZoneId zone;
    try {
      zone = quiet.zone() == null ? ZoneOffset.UTC : ZoneId.of(quiet.zone());
    } catch (DateTimeException e) {
      throw invalid("quietHours.zone", "must be a time zone such as Europe/Berlin or UTC");
    }
    return new QuietHours(from, to, zone);
  }

  private static LocalTime time(String field, String value) {
    if (value == null || !value.matches("[0-2][0-9]:[0-5][0-9]")) {
      throw invalid(field, "must be HH:mm");
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be HH:mm");
    }
  }

  private static ApiException invalid(String field, String message) {
    return NotificationProblems.invalid("rule", field, message);
  }
}
