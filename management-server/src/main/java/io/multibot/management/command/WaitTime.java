package io.multibot.management.command;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The {@code ?wait=} of command requests: {@code 10s}, {@code 500ms} or ISO-8601, at most 30 s. */
final class WaitTime {

  static final Duration MAX = Duration.ofSeconds(30);

  private WaitTime() {}

  static Duration parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Duration.ZERO;
    }
    String text = raw.strip().toLowerCase(Locale.ROOT);
    Duration wait;
    try {
      if (text.endsWith("ms")) {
        wait = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s") && !text.startsWith("p")) {
        wait = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        wait = Duration.parse(text.toUpperCase(Locale.ROOT));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalid();
    }
    if (wait.isNegative() || wait.compareTo(MAX) > 0) {
      throw invalid();
    }
    return wait;
  }

  private static ApiException invalid() {
    return CommandProblems.invalid(
        List.of(
            new FieldError("wait", "must be a duration such as 10s, 500ms or PT10S, at most 30s")));
  }
}
