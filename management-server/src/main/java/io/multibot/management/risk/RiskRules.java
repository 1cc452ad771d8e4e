package io.multibot.management.risk;

import io.multibot.management.platform.api.ResourceNames;

/** Checks the fields of a risk policy request; every refusal names the field. */
final class RiskRules {

  private static final double MAX_THRESHOLD = 1e12;

  private RiskRules() {}

  static String name(String name) {
    if (!ResourceNames.valid(name)) {
      throw RiskProblems.invalid("name", ResourceNames.RULE);
    }
    return name;
  }

  static String tag(String tag) {
    if (tag != null && (tag.isBlank() || tag.length() > 64)) {
      throw RiskProblems.invalid("tag", "must be 1 to 64 characters");
    }
    return tag;
  }

  static RiskKind kind(String kind) {
    return RiskKind.parse(kind)
        .orElseThrow(
            () ->
                RiskProblems.invalid(
                    "kind",
                    "must be max-drawdown-percent, max-drawdown, daily-loss, max-asset-exposure,"
                        + " max-open-trades, offline-with-positions or missed-polls"));
  }

  static double threshold(Double threshold) {
    if (threshold == null
        || threshold.isNaN()
        || threshold.isInfinite()
        || threshold <= 0
        || threshold > MAX_THRESHOLD) {
      throw RiskProblems.invalid("threshold", "must be a number greater than 0");
    }
    return threshold;
  }

  static RiskAction action(String action) {
    if (action == null) {
      return RiskAction.NOTIFY;
    }
    return RiskAction.parse(action)
        .orElseThrow(
            () ->
                RiskProblems.invalid(
                    "action", "must be notify, pause, stop, emergency-stop or emergency-exit"));
  }
}
