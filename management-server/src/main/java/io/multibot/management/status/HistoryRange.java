package io.multibot.management.status;

import io.multibot.management.platform.api.QueryInstant;
import io.multibot.management.platform.api.QueryProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The range and step of {@code GET /portfolio/history}: {@code since} (default a day before {@code
 * until}), {@code until} (default now), at most {@value #MAX_DAYS} days apart; {@code step} at
 * least a minute and at most {@value #MAX_POINTS} points over the range (default: the range in
 * about 200 points, whole minutes). Anything else is a 422 naming the parameter.
 */
record HistoryRange(Instant since, Instant until, Duration step) {

  static final int MAX_DAYS = 31;
  static final int MAX_POINTS = 1000;
  private static final Duration MIN_STEP = Duration.ofMinutes(1);

  static HistoryRange parse(String since, String until, String step, Instant now) {
    Instant to = QueryInstant.parse("until", until);
    to = to == null ? now : to;
    Instant from = QueryInstant.parse("since", since);
    from = from == null ? to.minus(Duration.ofDays(1)) : from;
    if (!from.isBefore(to)) {
      throw QueryProblems.invalid("since", "must be before until");
    }
    Duration range = Duration.between(from, to);
    if (range.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
      throw QueryProblems.invalid("since", "must be at most " + MAX_DAYS + " days before until");
    }
    Duration every = step == null || step.isBlank() ? automatic(range) : duration(step.strip());
    if (every.compareTo(MIN_STEP) < 0) {
      throw QueryProblems.invalid("step", "must be at least PT1M");
    }
    if (range.dividedBy(every) >= MAX_POINTS) {
      throw QueryProblems.invalid(
          "step", "gives more than " + MAX_POINTS + " points over the range");
    }
    return new HistoryRange(from, to, every);
  }

  private static Duration automatic(Duration range) {
    long minutes = Math.max(1, (range.toMinutes() + 199) / 200);
    return Duration.ofMinutes(minutes);
  }

  private static Duration duration(String raw) {
    try {
      return Duration.parse(raw);
    } catch (DateTimeParseException e) {
      throw QueryProblems.invalid("step", "must be an ISO-8601 duration such as PT15M");
    }
  }
}
