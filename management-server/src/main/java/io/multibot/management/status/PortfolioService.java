package io.multibot.management.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sums the bots' last reported figures per stake currency. Amounts in different currencies are
 * added only through configured rates ({@code portfolio.rates}: {@code USDT=1,BTC=65000}, the value
 * of one unit in {@code portfolio.currency}); without them there is no cross-currency total.
 */
@ApplicationScoped
public class PortfolioService {

  private final StatusQueries statuses;
  private final Map<String, BigDecimal> rates;
  private final String totalCurrency;

  @Inject
  public PortfolioService(
      StatusQueries statuses,
      @ConfigProperty(name = "portfolio.rates") Optional<String> rates,
      @ConfigProperty(name = "portfolio.currency", defaultValue = "USD") String totalCurrency) {
    this.statuses = statuses;
    this.rates = parseRates(rates.orElse(""));
    this.totalCurrency = totalCurrency;
  }

  /** For CDI's proxy only. */
  protected PortfolioService() {
    this.statuses = null;
    this.rates = Map.of();
    this.totalCurrency = "USD";
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

  public PortfolioView portfolio(String tag) {
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
