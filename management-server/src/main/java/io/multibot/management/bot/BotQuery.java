package io.multibot.management.bot;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.status.BotState;
import io.multibot.management.platform.api.PageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A list request: optional filters, a sort and a page. */
record BotQuery(
    String tag,
    BotState state,
    String exchange,
    String strategy,
    String sortField,
    boolean descending,
    PageRequest page) {

  /** API sort names and the entity attributes they sort by. */
  static final Map<String, String> SORTS =
      Map.of("name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

  static BotQuery parse(
      String tag, String state, String exchange, String strategy, String sort, PageRequest page) {
    String sortName = sort == null || sort.isBlank() ? "name" : sort.strip();
    boolean descending = sortName.startsWith("-");
    String field = SORTS.get(descending ? sortName.substring(1) : sortName);
    if (field == null) {
      throw invalid(
          "sort", "must be one of name, createdAt, updatedAt, optionally prefixed by '-'");
    }
    return new BotQuery(
        blankToNull(tag),
        state(state),
        blankToNull(exchange),
        blankToNull(strategy),
        field,
        descending,
        page);
  }

  private static BotState state(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return BotState.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("state", "must be one of unknown, stopped, running, paused, crashed");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "Invalid list parameters.",
        List.of(new FieldError(field, message)));
  }
}
