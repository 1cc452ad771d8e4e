package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.management.bot.BotSummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The portfolio is computed at most once per max age and tag, concurrent requests share one
 * computation, and a failure is not kept.
 */
class PortfolioCacheTest {

  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong(1_000);
  private volatile boolean failing;
  private volatile java.util.concurrent.CountDownLatch gate =
      new java.util.concurrent.CountDownLatch(0);

  private final StatusQueries fleet =
      new StatusQueries(null, null) {
        @Override
        List<Tracked> tracked() {
          reads.incrementAndGet();
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (failing) {
            throw new IllegalStateException("the database is down");
          }
          BotSummary bot =
              new BotSummary("b-" + reads.get(), "bot", List.of("x"), "USDT", "binance", "S", "e");
          return List.of(new Tracked(bot, BotStatusView.unknown(bot)));
        }
      };

  private final PortfolioService portfolio =
      new PortfolioService(fleet, Map.of(), "USD", Duration.ofSeconds(1), nanos::get);

  @Test
  void readsTheFleetOncePerMaxAgeAndTag() {
    PortfolioView first = portfolio.portfolio(null);
    PortfolioView again = portfolio.portfolio(null);
    portfolio.portfolio("x");
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    portfolio.portfolio(null);

    assertThat(again).isSameAs(first);
    assertThat(reads).hasValue(2);

    nanos.addAndGet(Duration.ofMillis(2).toNanos());
    portfolio.portfolio(null);

    assertThat(reads).hasValue(3);
  }

  @Test
  void doesNotKeepAFailure() {
    failing = true;
    assertThatThrownBy(() -> portfolio.portfolio(null)).hasMessage("the database is down");
    failing = false;

    assertThat(portfolio.portfolio(null).currencies()).hasSize(1);
    assertThat(reads).hasValue(2);
  }

  /** A request that arrives while the portfolio is computed waits for that computation. */
  @Test
  void concurrentRequestsShareOneComputation() throws Exception {
    gate = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> portfolio.portfolio(null));
      while (reads.get() == 0) {
        Thread.sleep(5);
      }
      var second = pool.submit(() -> portfolio.portfolio(null));
      Thread.sleep(100);
      gate.countDown();

      assertThat(second.get()).isSameAs(first.get());
      assertThat(reads).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
