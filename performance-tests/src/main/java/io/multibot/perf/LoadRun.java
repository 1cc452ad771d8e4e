package io.multibot.perf;

import io.multibot.perf.LatencyStats.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: {@code users} threads cycle through {@link Scenario#ROUTES} for the warm-up
 * (not measured) and then the measured duration; writes the report and exits 1 when any measured
 * request failed or {@code /health/ready} p95 reached 100 ms. Usage: {@code java -jar
 * performance-tests.jar --base-url http://localhost:9080 --users 10 --duration PT60S --warmup PT10S
 * --report DIR [--user admin --password ...]}.
 */
public final class LoadRun {

  static final double HEALTH_P95_LIMIT_MS = 100;

  private LoadRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Settings settings;
    try {
      settings = Settings.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("load run: " + e.getMessage());
      System.exit(2);
      return;
    }
    Scenario scenario = new Scenario(settings.baseUrl());
    scenario.signIn(settings.user(), settings.password());
    Optional<Double> heapBefore = scenario.usedHeap();
    Map<String, LatencyStats> stats = run(settings, scenario);
    List<Summary> summaries = new ArrayList<>();
    double seconds = settings.duration().toMillis() / 1000.0;
    stats.forEach((route, s) -> summaries.add(s.summary(route, seconds)));
    Report report = new Report(settings, summaries, heapBefore, scenario.usedHeap());
    report.write(settings.report());
    out.print(report.markdown());
    long failed = summaries.stream().mapToLong(Summary::errors).sum();
    long requests = summaries.stream().mapToLong(Summary::requests).sum();
    if (failed > 0 || requests == 0) {
      err.println("load run: " + failed + " of " + requests + " requests failed");
      System.exit(1);
    }
    Optional<Summary> health = slowHealth(summaries);
    if (health.isPresent()) {
      err.println("load run: /health/ready p95 " + health.get().p95Ms() + " ms (limit 100 ms)");
      System.exit(1);
    }
  }

  /** The seed's limit: the readiness probe answers within 100 ms at p95 under the users' load. */
  static Optional<Summary> slowHealth(List<Summary> summaries) {
    return summaries.stream()
        .filter(s -> s.route().equals("/health/ready") && s.p95Ms() >= HEALTH_P95_LIMIT_MS)
        .findFirst();
  }

  static Map<String, LatencyStats> run(Settings settings, Scenario scenario)
      throws InterruptedException {
    Map<String, LatencyStats> stats = new LinkedHashMap<>();
    Scenario.ROUTES.forEach(route -> stats.put(route, new LatencyStats()));
    long start = System.nanoTime();
    long measureFrom = start + settings.warmup().toNanos();
    long end = measureFrom + settings.duration().toNanos();
    ExecutorService users = Executors.newFixedThreadPool(settings.users());
    for (int user = 0; user < settings.users(); user++) {
      int offset = user;
      users.execute(() -> cycle(scenario, stats, offset, measureFrom, end));
    }
    users.shutdown();
    if (!users.awaitTermination(
        settings.warmup().plus(settings.duration()).toSeconds() + 60, TimeUnit.SECONDS)) {
      users.shutdownNow();
    }
    return stats;
  }

  private static void cycle(
      Scenario scenario, Map<String, LatencyStats> stats, int offset, long measureFrom, long end) {
    for (int i = offset; System.nanoTime() < end && !Thread.currentThread().isInterrupted(); i++) {
      String route = Scenario.ROUTES.get(i % Scenario.ROUTES.size());
      long began = System.nanoTime();
      boolean ok;
      try {
        ok = scenario.call(route);
      } catch (IOException e) {
        ok = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (began >= measureFrom) {
        stats.get(route).record((System.nanoTime() - began) / 1000, ok);
      }
    }
  }
}
