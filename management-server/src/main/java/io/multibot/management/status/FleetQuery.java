package io.multibot.management.status;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.status.BotState;
import io.multibot.management.platform.api.PageRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Which bots {@code GET /status} shows: those with a tag and in a live state, one page of them
 * (bots by name) or, when neither {@code page} nor {@code size} is given, all of them as before
 * paging existed.
 *
 * @param page the page, or {@code null} for every matching bot
 */
record FleetQuery(String tag, BotState state, PageRequest page) {

  static FleetQuery parse(String tag, String state, String page, String size) {
    boolean paged = !blank(page) || !blank(size);
    return new FleetQuery(
        blank(tag) ? null : tag.strip(),
        state(state),
        paged ? PageRequest.parse(page, size) : null);
  }

  /** Whether a bot with these tags is counted: it has the tag, or no tag was asked for. */
  boolean counts(List<String> tags) {
    return tag == null || tags.contains(tag);
  }

  /** Whether a bot with these tags, in this live state, is shown. */
  boolean matches(List<String> tags, BotState live) {
    return counts(tags) && (state == null || state == live);
  }

  /** A live state by its wire name ({@code running}) or constant name ({@code RUNNING}). */
  private static BotState state(String raw) {
    if (blank(raw)) {
      return null;
    }
    String name = raw.strip();
    for (BotState state : BotState.values()) {
      if (state.wire().equals(name) || state.name().equals(name)) {
        return state;
      }
    }
    throw new ApiException(
        ProblemType.VALIDATION_FAILED,
        "Invalid list parameters.",
        List.of(
            new FieldError(
                "state",
                "must be one of "
                    + String.join(
                        ", ", Arrays.stream(BotState.values()).map(BotState::wire).toList()))));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
