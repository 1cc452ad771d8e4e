package io.multibot.gateway.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The protections around every call to one bot, so that a dead or slow bot cannot hold up the
 * others: the client-side rate budget, a circuit breaker and a bulkhead, each kept per bot. (MP
 * Fault Tolerance keeps one circuit and one bulkhead per method, shared by all bots; that is why
 * these two are ours.)
 */
final class BotGuards {

  private final ClientSettings settings;
  private final Clock clock;
  private final RateBudget budget;
  private final Map<String, CircuitBreaker> circuits = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();

  BotGuards(ClientSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.budget = new RateBudget(clock);
  }

  /** Runs {@code call} if the bot's guards let it through, and records how it went. */
  <T> FreqtradeResult<T> guard(String bot, String route, Supplier<FreqtradeResult<T>> call) {
    if (settings.rateBudget()) {
      Optional<Duration> wait = budget.take(bot, route);
      if (wait.isPresent()) {
        return new FreqtradeResult.RateLimited<>(wait.get(), "client-side budget for /" + route);
      }
    }
    Semaphore bulkhead =
        bulkheads.computeIfAbsent(bot, b -> new Semaphore(settings.maxConcurrentCalls()));
    if (!bulkhead.tryAcquire()) {
      return new FreqtradeResult.RateLimited<>(
          Duration.ofSeconds(1), settings.maxConcurrentCalls() + " calls to this bot in flight");
    }
    CircuitBreaker circuit = circuit(bot);
    if (!circuit.allow()) {
      bulkhead.release();
      return new FreqtradeResult.Unreachable<>(
          "circuit open after repeated failures; next try in "
              + circuit.remainingOpen().toSeconds()
              + " s");
    }
    try {
      FreqtradeResult<T> result = call.get();
      record(bot, route, circuit, result);
      return result;
    } finally {
      bulkhead.release();
    }
  }

  private void record(String bot, String route, CircuitBreaker circuit, FreqtradeResult<?> result) {
    if (isBotFailure(result)) {
      circuit.failed();
    } else {
      circuit.succeeded();
    }
    if (result instanceof FreqtradeResult.RateLimited<?> limited) {
      budget.block(bot, route, limited.retryAfter());
    }
  }

  /** What says the bot is in trouble, as opposed to the bot answering (even with a refusal). */
  static boolean isBotFailure(FreqtradeResult<?> result) {
    return result instanceof FreqtradeResult.Unreachable<?>
        || result instanceof FreqtradeResult.TimedOut<?>
        || result instanceof FreqtradeResult.Refused<?> refused
            && refused.status() >= 500
            && refused.status() != 502;
  }

  CircuitBreaker.State circuitState(String bot) {
    return circuit(bot).state();
  }

  private CircuitBreaker circuit(String bot) {
    return circuits.computeIfAbsent(
        bot, b -> new CircuitBreaker(settings.failureThreshold(), settings.openFor(), clock));
  }

  void forget(String bot) {
    circuits.remove(bot);
    bulkheads.remove(bot);
    budget.forget(bot);
  }
}
