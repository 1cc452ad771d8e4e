package io.multibot.perf;

import io.multibot.perf.LatencyStats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The run's report: report.md for people, report.json for tools, both in the report directory. */
final class Report {

  private final Settings settings;
  private final List<Summary> routes;
  private final Optional<Double> heapBefore;
  private final Optional<Double> heapAfter;

  Report(
      Settings settings,
      List<Summary> routes,
      Optional<Double> heapBefore,
      Optional<Double> heapAfter) {
    this.settings = settings;
    this.routes = routes;
    this.heapBefore = heapBefore;
    this.heapAfter = heapAfter;
  }

  String markdown() {
    StringBuilder text = new StringBuilder("# Multibot load run\n\n");
    text.append(
        String.format(
            Locale.ROOT,
            "%s, %d users, %s measured after %s warm-up.%n%n",
            settings.baseUrl(),
            settings.users(),
            settings.duration(),
            settings.warmup()));
    text.append("| route | requests | errors | req/s | mean ms | p50 | p90 | p95 | p99 | max |\n");
    text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Summary route : routes) {
      text.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
              route.route(),
              route.requests(),
              route.errors(),
              route.perSecond(),
              route.meanMs(),
              route.p50Ms(),
              route.p90Ms(),
              route.p95Ms(),
              route.p99Ms(),
              route.maxMs()));
    }
    text.append('\n').append(heap()).append('\n');
    return text.toString();
  }

  String json() {
    StringBuilder text = new StringBuilder("{\n  \"users\": " + settings.users());
    text.append(",\n  \"durationSeconds\": ").append(settings.duration().toSeconds());
    heapBefore.ifPresent(h -> text.append(",\n  \"heapBeforeBytes\": ").append(h.longValue()));
    heapAfter.ifPresent(h -> text.append(",\n  \"heapAfterBytes\": ").append(h.longValue()));
    text.append(",\n  \"routes\": [");
    for (int i = 0; i < routes.size(); i++) {
      Summary r = routes.get(i);
      text.append(i == 0 ? "\n" : ",\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"route\": \"%s\", \"requests\": %d, \"errors\": %d, \"perSecond\": %.2f,"
                      + " \"meanMs\": %.2f, \"p50Ms\": %.2f, \"p90Ms\": %.2f, \"p95Ms\": %.2f,"
                      + " \"p99Ms\": %.2f, \"maxMs\": %.2f}",
                  r.route(),
                  r.requests(),
                  r.errors(),
                  r.perSecond(),
                  r.meanMs(),
                  r.p50Ms(),
                  r.p90Ms(),
                  r.p95Ms(),
                  r.p99Ms(),
                  r.maxMs()));
    }
    return text.append("\n  ]\n}\n").toString();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("report.json"), json(), StandardCharsets.UTF_8);
  }

  private String heap() {
    if (heapBefore.isEmpty() || heapAfter.isEmpty()) {
      return "Server heap: not reported by /metrics.";
    }
    double mib = 1024.0 * 1024.0;
    return String.format(
        Locale.ROOT,
        "Server heap in use: %.1f MiB before, %.1f MiB after (%+.1f MiB; heap use swings with garbage collection).",
        heapBefore.get() / mib,
        heapAfter.get() / mib,
        (heapAfter.get() - heapBefore.get()) / mib);
  }
}
