package io.multibot.perf;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The heap section of {@code cycle.md}: what the fleet itself costs (an empty fleet against the
 * steady fleet, per bot) and how much the heap grew while the load ran at that steady fleet (goal ≤
 * 50 MiB, after a full GC each time), each with the classes that grew most.
 */
final class HeapReport {

  static final long LIMIT_BYTES = 50L * 1024 * 1024;
  private static final double MIB = 1024.0 * 1024.0;

  private HeapReport() {}

  static String markdown(
      HeapProbe.Sample empty, HeapProbe.Sample steady, HeapProbe.Sample after, int bots) {
    StringBuilder text = new StringBuilder("\n## Heap (management, after a full GC each time)\n\n");
    long fleet = steady.usedBytes() - empty.usedBytes();
    long growth = after.usedBytes() - steady.usedBytes();
    text.append(
        String.format(
            Locale.ROOT,
            "Empty fleet %.1f MiB; the steady %d-bot fleet %.1f MiB (the fleet costs %.1f MiB, %.1f"
                + " KiB a bot); after the load at that fleet %.1f MiB: **growth %.1f MiB** (limit"
                + " 50) over %d REST requests (`REST_request_seconds_count`; health probes and"
                + " `/metrics` not counted).%n%n",
            empty.usedBytes() / MIB,
            bots,
            steady.usedBytes() / MIB,
            fleet / MIB,
            fleet / 1024.0 / bots,
            after.usedBytes() / MIB,
            growth / MIB,
            after.restRequests() - steady.restRequests()));
    text.append("What the fleet costs, by class (steady fleet − empty fleet):\n\n");
    text.append(diff(empty, steady, bots));
    text.append("\nWhat the load left behind, by class (after − steady fleet):\n\n");
    text.append(diff(steady, after, 0));
    return text.toString();
  }

  static boolean tooMuch(HeapProbe.Sample steady, HeapProbe.Sample after) {
    return after.usedBytes() - steady.usedBytes() > LIMIT_BYTES;
  }

  /** The 12 classes whose bytes grew most; per bot as well when {@code bots} is positive. */
  private static String diff(HeapProbe.Sample before, HeapProbe.Sample after, int bots) {
    Set<String> classes = new HashSet<>(before.histogram().keySet());
    classes.addAll(after.histogram().keySet());
    StringBuilder text =
        new StringBuilder(
            bots > 0
                ? "| class | instances | bytes | bytes a bot |\n|---|---:|---:|---:|\n"
                : "| class | instances | bytes |\n|---|---:|---:|\n");
    classes.stream()
        .sorted(Comparator.comparingLong((String c) -> -grown(before, after, c, 1)))
        .limit(12)
        .forEach(
            c -> {
              long instances = grown(before, after, c, 0);
              long bytes = grown(before, after, c, 1);
              text.append(
                  bots > 0
                      ? String.format(
                          Locale.ROOT,
                          "| `%s` | %d | %d | %.0f |%n",
                          c,
                          instances,
                          bytes,
                          bytes / (double) bots)
                      : String.format(Locale.ROOT, "| `%s` | %d | %d |%n", c, instances, bytes));
            });
    return text.toString();
  }

  private static long grown(HeapProbe.Sample before, HeapProbe.Sample after, String c, int i) {
    return value(after.histogram(), c, i) - value(before.histogram(), c, i);
  }

  private static long value(Map<String, long[]> histogram, String c, int i) {
    long[] row = histogram.get(c);
    return row == null ? 0 : row[i];
  }
}
