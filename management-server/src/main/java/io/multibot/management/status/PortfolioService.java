package io.multibot.management.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sums the bots' last reported figures per stake currency. Amounts in different currencies are
 * added only through configured rates ({@code portfolio.rates}: {@code USDT=1,BTC=65000}, the value
 * of one unit in {@code portfolio.currency}); without them there is no cross-currency total.
 *
 * <p>A portfolio is computed at most once per {@code portfolio.max-age} (default 1 s) for each tag,
 * and requests that arrive while it is being computed wait for that one computation instead of
 * starting their own: fifty operators polling a 1,000-bot portfolio cost one fleet read a second,
 * not fifty. The figures are as of the bots' last polls (every {@code STATUS_INTERVAL}), so a
 * second's age is not visible. A failed computation is not kept. {@code PortfolioCacheTest} checks
 * both.
 */
@ApplicationScoped
public class PortfolioService {

  /** Tags kept at most; beyond it, entries older than the max age are dropped (hostile tags). */
  private static final int MAX_TAGS = 256;

  private final StatusQueries statuses;
  private final Map<String, BigDecimal> rates;
  private final String totalCurrency;
  private final long maxAgeNanos;
  private final LongSupplier nanos;
  private final Map<String, Computed> computed = new ConcurrentHashMap<>();

  /** A portfolio computed (or being computed) at a moment. */
  private record Computed(long at, CompletableFuture<PortfolioView> view) {}

  @Inject
  public PortfolioService(
      StatusQueries statuses,
      @ConfigProperty(name = "portfolio.rates") Optional<String> rates,
      @ConfigProperty(name = "portfolio.currency", defaultValue = "USD") String totalCurrency,
      @ConfigProperty(name = "portfolio.max-age", defaultValue = "PT1S") Duration maxAge) {
    this(statuses, parseRates(rates.orElse("")), totalCurrency, maxAge, System::nanoTime);
  }

  PortfolioService(
      StatusQueries statuses,
      Map<String, BigDecimal> rates,
      String totalCurrency,
      Duration maxAge,
      LongSupplier nanos) {
    this.statuses = statuses;
    this.rates = rates;
    this.totalCurrency = totalCurrency;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanos = nanos;
  }

  /** For CDI's proxy only. */
  protected PortfolioService() {
    this(null, Map.of(), "USD", Duration.ZERO, System::nanoTime);
  }

  /** {@code CUR=rate,CUR=rate}; malformed entries are a startup error, not silently skipped. */
  static Map<String, BigDecimal> parseRates(String text) {
    Map<String, BigDecimal> parsed = new TreeMap<>();
    for (String item : text.split(",")) {
      if (item.isBlank()) {
        continue;
      }
      String[] parts = item.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("portfolio.rates: '" + item + "' is not CUR=rate");
      }
      parsed.put(parts[0].trim(), new BigDecimal(parts[1].trim()));
    }
    return parsed;
  }

  /** The portfolio of the bots with this tag (all bots when {@code null}), at most max-age old. */
  public PortfolioView portfolio(String tag) {
    String key = tag == null ? "" : "tag:" + tag;
    long now = nanos.getAsLong();
    Computed mine = new Computed(now, new CompletableFuture<>());
    Computed current =
        computed.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
    if (current == mine) {
      try {
        mine.view().complete(compute(tag));
      } catch (RuntimeException e) {
        computed.remove(key, mine);
        mine.view().completeExceptionally(e);
      }
      if (computed.size() > MAX_TAGS) {
        computed.values().removeIf(entry -> !fresh(entry, now));
      }
    }
    try {
      return current.view().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private boolean fresh(Computed entry, long now) {
    return now - entry.at() < maxAgeNanos && !entry.view().isCompletedExceptionally();
  }

  private PortfolioView compute(String tag) {
    Map<String, List<BotStatusView>> byCurrency =
        statuses.tracked().stream()
            .filter(tracked -> tag == null || tracked.bot().tags().contains(tag))
            .map(StatusQueries.Tracked::status)
            .collect(
                Collectors.groupingBy(
                    view -> view.stakeCurrency() == null ? "?" : view.stakeCurrency(),
                    TreeMap::new,
                    Collectors.toList()));
    List<PortfolioView.CurrencyTotals> currencies = new ArrayList<>();
    byCurrency.forEach((currency, views) -> currencies.add(totals(currency, views)));
    return convert(tag, currencies);
  }

  private static PortfolioView.CurrencyTotals totals(String currency, List<BotStatusView> views) {
    List<BotStatusView> reporting = views.stream().filter(v -> v.profitAll() != null).toList();
    int wins = reporting.stream().mapToInt(v -> value(v.winningTrades())).sum();
    int losses = reporting.stream().mapToInt(v -> value(v.losingTrades())).sum();
    Comparator<BotStatusView> byProfit = Comparator.comparingDouble(BotStatusView::profitAll);
    return new PortfolioView.CurrencyTotals(
        currency,
        views.size(),
        reporting.size(),
        reporting.stream().mapToInt(v -> value(v.openTrades())).sum(),
        reporting.stream().mapToDouble(v -> value(v.profitClosed())).sum(),
        reporting.stream().mapToDouble(BotStatusView::profitAll).sum(),
        reporting.stream().mapToDouble(v -> value(v.balance())).sum(),
        wins,
        losses,
        wins + losses == 0 ? null : (double) wins / (wins + losses),
        reporting.stream().max(byProfit).map(PortfolioService::figure).orElse(null),
        reporting.stream().min(byProfit).map(PortfolioService::figure).orElse(null));
  }

  private PortfolioView convert(String tag, List<PortfolioView.CurrencyTotals> currencies) {
    if (rates.isEmpty()) {
      return new PortfolioView(
          tag,
          currencies,
          "none: no rate source is configured (PORTFOLIO_RATES), so currencies are not added up",
          null,
          null,
          null,
          null);
    }
    double closed = 0;
    double all = 0;
    double balance = 0;
    Map<String, BigDecimal> used = new TreeMap<>();
    List<String> without = new ArrayList<>();
    for (PortfolioView.CurrencyTotals totals : currencies) {
      BigDecimal rate = rates.get(totals.stakeCurrency());
      if (rate == null) {
        without.add(totals.stakeCurrency());
        continue;
      }
      used.put(totals.stakeCurrency(), rate);
      closed += totals.profitClosed() * rate.doubleValue();
      all += totals.profitAll() * rate.doubleValue();
      balance += totals.balance() * rate.doubleValue();
    }
    return new PortfolioView(
        tag,
        currencies,
        "configured rates (PORTFOLIO_RATES), in " + totalCurrency,
        totalCurrency,
        new PortfolioView.Totals(closed, all, balance),
        used,
        without);
  }

  private static PortfolioView.BotFigure figure(BotStatusView view) {
    return new PortfolioView.BotFigure(view.botId(), view.botName(), view.profitAll());
  }

  private static int value(Integer number) {
    return number == null ? 0 : number;
  }

  private static double value(Double number) {
    return number == null ? 0 : number;
  }
}
