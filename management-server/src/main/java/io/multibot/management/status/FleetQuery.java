package io.multibot.management.status;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.status.BotState;
import io.multibot.management.bot.BotSummary;
import io.multibot.management.platform.api.PageRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which bots {@code GET /status} shows: those with a tag and in a live state, one page of them (in
 * the {@link FleetSort} order, by name unless asked otherwise) or, when neither {@code page} nor
 * {@code size} is given, all of them as before paging existed.
 *
 * @param page the page, or {@code null} for every matching bot
 */
record FleetQuery(
    String tag,
    BotState state,
    String exchange,
    String strategy,
    String search,
    FleetSort sort,
    PageRequest page) {

  /** What a name search may contain: bot names are slugs, so no wildcard can be smuggled in. */
  private static final Pattern SEARCH = Pattern.compile("[A-Za-z0-9-]{1,100}");

  static FleetQuery parse(FleetParams params) {
    boolean paged = !blank(params.page()) || !blank(params.size());
    return new FleetQuery(
        blank(params.tag()) ? null : params.tag().strip(),
        state(params.state()),
        blank(params.exchange()) ? null : params.exchange().strip(),
        blank(params.strategy()) ? null : params.strategy().strip(),
        search(params.search()),
        FleetSort.parse(params.sort()),
        paged ? PageRequest.parse(params.page(), params.size()) : null);
  }

  /** Whether filters beyond tag and state narrow the list (the counts by state do not use them). */
  boolean narrowed() {
    return exchange != null || strategy != null || search != null;
  }

  /** Whether a bot with these tags is counted: it has the tag, or no tag was asked for. */
  boolean counts(List<String> tags) {
    return tag == null || tags.contains(tag);
  }

  /** Whether this bot, in this live state, is shown. */
  boolean matches(BotSummary bot, BotState live) {
    return counts(bot.tags())
        && (state == null || state == live)
        && (exchange == null || exchange.equals(bot.exchange()))
        && (strategy == null || strategy.equals(bot.strategy()))
        && (search == null || bot.name().contains(search));
  }

  private static String search(String raw) {
    if (blank(raw)) {
      return null;
    }
    String value = raw.strip();
    if (!SEARCH.matcher(value).matches()) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED,
          "Invalid list parameters.",
          List.of(new FieldError("q", "must be part of a bot name: letters, digits and '-'")));
    }
    return value.toLowerCase(Locale.ROOT);
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
