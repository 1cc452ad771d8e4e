package io.multibot.management.status;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of {@code GET /status}: a column, ascending or (with a leading {@code -}) descending.
 * Bots without the figure (never polled, or not read) come last either way, and bots by name break
 * ties, so the order is total and a page boundary never shows a bot twice or skips one. The same
 * order is applied in the database (paged) and in memory (all bots) by {@link #jpql} and {@link
 * #comparator}; {@code FleetFiltersApiIT} checks that both agree.
 *
 * @param descending whether larger values come first
 */
record FleetSort(Key key, boolean descending) {

  /** By name, as before sorting existed. */
  static final FleetSort BY_NAME = new FleetSort(Key.NAME, false);

  /** What can be sorted on: the JPQL expression and the view's value. */
  enum Key {
    NAME("name", "b.name", BotStatusView::botName),
    EXCHANGE("exchange", "b.settings.exchange", BotStatusView::exchange),
    STRATEGY("strategy", "b.settings.strategyName", BotStatusView::strategy),
    OPEN_TRADES("openTrades", "s.shown.openTrades", BotStatusView::openTrades),
    PROFIT_CLOSED("profitClosed", "s.shown.profitClosed", BotStatusView::profitClosed),
    PROFIT_ALL("profitAll", "s.shown.profitAll", BotStatusView::profitAll),
    BALANCE("balance", "s.shown.balance", BotStatusView::balance),
    LAST_SEEN("lastSeen", "s.lastSeenAt", BotStatusView::lastSeenAt);

    private final String wire;
    private final String jpql;
    private final Function<BotStatusView, ? extends Comparable<?>> value;

    Key(String wire, String jpql, Function<BotStatusView, ? extends Comparable<?>> value) {
      this.wire = wire;
      this.jpql = jpql;
      this.value = value;
    }
  }

  static FleetSort parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return BY_NAME;
    }
    String value = raw.strip();
    boolean descending = value.startsWith("-");
    String name = descending ? value.substring(1) : value;
    for (Key key : Key.values()) {
      if (key.wire.equals(name)) {
        return new FleetSort(key, descending);
      }
    }
    throw new ApiException(
        ProblemType.VALIDATION_FAILED,
        "Invalid list parameters.",
        List.of(
            new FieldError(
                "sort",
                "must be one of "
                    + String.join(", ", Arrays.stream(Key.values()).map(k -> k.wire).toList())
                    + ", with a leading '-' for descending")));
  }

  /** The ORDER BY clause (bots {@code b}, statuses {@code s}). */
  String jpql() {
    if (key == Key.NAME) {
      return " order by b.name" + (descending ? " desc" : "");
    }
    return " order by " + key.jpql + (descending ? " desc" : "") + " nulls last, b.name";
  }

  /**
   * The columns to select with the ids: the bot's id, its name and the expression sorted on
   * (PostgreSQL wants every ORDER BY expression in the select list).
   */
  String selectList() {
    return key == Key.NAME ? "b.id, b.name" : "b.id, b.name, " + key.jpql;
  }

  /** The same order in memory. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Comparator<BotStatusView> comparator() {
    Comparator<Comparable> values = Comparator.naturalOrder();
    if (descending) {
      values = values.reversed();
    }
    Comparator<BotStatusView> order =
        Comparator.comparing(
            view -> (Comparable) key.value.apply(view), Comparator.nullsLast(values));
    return key == Key.NAME ? order : order.thenComparing(BotStatusView::botName);
  }
}
