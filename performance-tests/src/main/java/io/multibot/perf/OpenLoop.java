package io.multibot.perf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands sent at a fixed rate whatever the answers do (open loop), each {@code ?wait=10s} for its
 * outcome, to the fleet's bots in turn. A request's latency counts from when it was due, not from
 * when it could be sent, so a server that falls behind is not hidden (coordinated omission).
 */
final class OpenLoop {

  /** One step's figures: latencies of the answers, and how many finished within their wait. */
  record Step(
      int rate,
      LatencyStats latencies,
      long sent,
      long finished,
      long notFinished,
      long errors,
      double seconds) {}

  private OpenLoop() {}

  static Step run(Http api, List<String> bots, int rate, Duration duration)
      throws InterruptedException {
    LatencyStats stats = new LatencyStats();
    AtomicLong finished = new AtomicLong();
    AtomicLong notFinished = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
    long total = Math.max(1, rate * duration.toMillis() / 1000);
    long periodNanos = 1_000_000_000L / rate;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    timer.scheduleAtFixedRate(
        () -> {
          long due = start + sent.get() * periodNanos;
          while (sent.get() < total && System.nanoTime() >= due) {
            long n = sent.getAndIncrement();
            String bot = bots.get((int) (n % bots.size()));
            String verb = (n / bots.size()) % 2 == 0 ? "/stop" : "/start";
            long intended = start + n * periodNanos;
            pending.add(
                api.postAsync("/api/v1/bots/" + bot + verb + "?wait=10s", null)
                    .handle(
                        (answer, failure) -> {
                          boolean ok = failure == null && answer.ok();
                          if (!ok) {
                            errors.incrementAndGet();
                          } else if (answer.status() == 200) {
                            finished.incrementAndGet();
                          } else {
                            notFinished.incrementAndGet();
                          }
                          stats.record((System.nanoTime() - intended) / 1000, ok);
                          return null;
                        }));
            due = start + sent.get() * periodNanos;
          }
        },
        0,
        Math.max(1, periodNanos / 2),
        TimeUnit.NANOSECONDS);
    while (sent.get() < total) {
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    timer.shutdownNow();
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return new Step(rate, stats, total, finished.get(), notFinished.get(), errors.get(), seconds);
  }
}
