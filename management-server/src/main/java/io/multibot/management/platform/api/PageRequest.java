package io.multibot.management.platform.api;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list the client asked for: {@code page} counts from 0, {@code size} is 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}). Parsed from the raw query strings so that a
 * bad value is a 422 naming the parameter, not JAX-RS's 404.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public static PageRequest parse(String page, String size) {
    List<FieldError> errors = new ArrayList<>();
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
    int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION_FAILED, "Invalid paging parameters.", errors);
    }
    return new PageRequest(pageNumber, pageSize);
  }

  private static int number(
      String name, String raw, int fallback, int min, int max, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  public int offset() {
    return page * size;
  }

  /** How many pages of this size {@code totalItems} make. */
  public long pages(long totalItems) {
    return (totalItems + size - 1) / size;
  }
}
