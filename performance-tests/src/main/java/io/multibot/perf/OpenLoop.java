package io.multibot.perf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands sent at a fixed rate whatever the answers do (open loop), each {@code ?wait=10s} for its
 * outcome, to the fleet's bots in turn. A request's latency counts from when it was due, not from
 * when it could be sent, so a server that falls behind is not hidden (coordinated omission).
 */
final class OpenLoop {

  private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]{0,80})\"");

  /**
   * One step's figures: latencies of the answers, how many finished within their wait, and the
   * errors by kind ({@code HTTP 409 Conflict}, a transport exception's class).
   */
  record Step(
      int rate,
      LatencyStats latencies,
      long sent,
      long finished,
      long notFinished,
      long errors,
      Map<String, Long> errorKinds,
      double seconds) {}

  private OpenLoop() {}

  static Step run(Http api, List<String> bots, int rate, Duration duration)
      throws InterruptedException {
    Counts counts = new Counts();
    long total = Math.max(1, rate * duration.toMillis() / 1000);
    long periodNanos = 1_000_000_000L / rate;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    AtomicLong sent = new AtomicLong();
    long start = System.nanoTime();
    timer.scheduleAtFixedRate(
        () -> {
          while (sent.get() < total && System.nanoTime() >= start + sent.get() * periodNanos) {
            long n = sent.getAndIncrement();
            send(api, bots, n, start + n * periodNanos, counts);
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
    CompletableFuture.allOf(counts.pending.toArray(CompletableFuture[]::new)).join();
    return new Step(
        rate,
        counts.stats,
        total,
        counts.finished.get(),
        counts.notFinished.get(),
        counts.errors.get(),
        counts.kinds(),
        seconds);
  }

  /** The n-th command: the fleet's bots in turn, stop on one round and start on the next. */
  private static void send(Http api, List<String> bots, long n, long intended, Counts counts) {
    String bot = bots.get((int) (n % bots.size()));
    String verb = (n / bots.size()) % 2 == 0 ? "/stop" : "/start";
    counts.pending.add(
        api.postAsync("/api/v1/bots/" + bot + verb + "?wait=10s", null)
            .handle(
                (answer, failure) -> {
                  boolean ok = failure == null && answer.ok();
                  if (!ok) {
                    counts.errors.incrementAndGet();
                    counts.kind(failure != null ? kind(failure) : kind(answer));
                  } else if (answer.status() == 200) {
                    counts.finished.incrementAndGet();
                  } else {
                    counts.notFinished.incrementAndGet();
                  }
                  counts.stats.record((System.nanoTime() - intended) / 1000, ok);
                  return null;
                }));
  }

  private static String kind(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  private static String kind(Http.Answer answer) {
    Matcher title = TITLE.matcher(answer.body() == null ? "" : answer.body());
    return "HTTP " + answer.status() + (title.find() ? " " + title.group(1) : "");
  }

  private static final class Counts {
    final LatencyStats stats = new LatencyStats();
    final AtomicLong finished = new AtomicLong();
    final AtomicLong notFinished = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();

    void kind(String kind) {
      kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> kinds() {
      Map<String, Long> sorted = new TreeMap<>();
      kinds.forEach((kind, count) -> sorted.put(kind, count.get()));
      return sorted;
    }
  }
}
