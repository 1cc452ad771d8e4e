package io.multibot.management.platform.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant in a query parameter ({@code since}, {@code from}, {@code to}): ISO-8601 with a zone,
 * from {@value #EARLIEST} to {@value #LATEST}. Both databases store every instant in that range;
 * outside it Derby fails the query (it was a 500) and no row of ours can be there anyway.
 */
public final class QueryInstant {

  public static final String EARLIEST = "1970-01-01T00:00:00Z";
  public static final String LATEST = "9999-12-31T23:59:59Z";

  private static final Instant MIN = Instant.parse(EARLIEST);
  private static final Instant MAX = Instant.parse(LATEST);

  private QueryInstant() {}

  /** The parameter's instant, null when it is absent or blank; a 422 naming it otherwise. */
  public static Instant parse(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw QueryProblems.invalid(
          field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
    if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
      throw QueryProblems.invalid(field, "must be from " + EARLIEST + " to " + LATEST);
    }
    return instant;
  }
}
