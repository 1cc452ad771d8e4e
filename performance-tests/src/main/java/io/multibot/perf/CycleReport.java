package io.multibot.perf;

import io.multibot.perf.LatencyStats.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cycle run's report ({@code cycle.md}): every figure beside its baseline from the same run, as
 * a ratio. The baseline of a command answered with its outcome is the direct bot call it ends in;
 * of the kill switch, a direct client making the same bot calls with four threads; of {@code
 * /health/live}, {@code /health/ready} (which checks Redis and the database).
 */
final class CycleReport {

  private final CycleSettings settings;
  private final Map<String, Summary> baselines = new LinkedHashMap<>();
  private final List<String> rows = new ArrayList<>();
  private final List<OpenLoop.Step> steps = new ArrayList<>();
  private long registrationMillis;
  private boolean failed;
  private String readsTable = "";
  private String heapSection = "";

  CycleReport(CycleSettings settings) {
    this.settings = settings;
  }

  void setup(long millis) {
    registrationMillis = millis;
  }

  void baseline(String name, LatencyStats stats) {
    baselines.put(name, stats.summary(name, 0));
  }

  void line(String name, LatencyStats stats) {
    Summary s = stats.summary(name, 0);
    Summary bot = botCall();
    failed |= s.errors() > 0;
    rows.add(
        row(
            name,
            String.format(
                Locale.ROOT, "direct bot call p50 %.2f / p99 %.2f ms", bot.p50Ms(), bot.p99Ms()),
            String.format(
                Locale.ROOT,
                "p50 %.2f / p99 %.2f ms (%d, %d errors)",
                s.p50Ms(),
                s.p99Ms(),
                s.requests(),
                s.errors()),
            ratio(s.p50Ms(), bot.p50Ms()) + " / " + ratio(s.p99Ms(), bot.p99Ms())));
  }

  /** Where the one-client commands' time went (p50 of each phase). */
  void phases(Phases phases) {
    rows.add(row("where one client's command spends its time", "–", phases.markdown(), "–"));
  }

  void openLoop(int rate, OpenLoop.Step step) {
    steps.add(step);
    failed |= step.errors() > 0;
  }

  void killSwitch(long directMillis, KillSwitch.Pulled pulled) {
    failed |= !pulled.byStatus().matches("\\{\"SUCCEEDED\":\\d+\\}");
    rows.add(
        row(
            "kill switch over " + pulled.total() + " bots",
            "direct client, 4 threads: " + directMillis + " ms",
            "answered (created and on the streams) "
                + pulled.answeredMillis()
                + " ms; every outcome "
                + pulled.finishedMillis()
                + " ms "
                + pulled.byStatus(),
            ratio(pulled.finishedMillis(), directMillis)));
  }

  /**
   * The probes beside a trivial endpoint on the same server ({@code /api/v1/ping}): live's p99
   * against ping's (goal 1.2×), ready's against live's (goal 1.3×).
   */
  void health(LatencyStats ping, LatencyStats live, LatencyStats ready) {
    Summary p = ping.summary("ping", 5);
    Summary l = live.summary("live", 5);
    Summary r = ready.summary("ready", 5);
    failed |= p.errors() > 0 || l.errors() > 0 || r.errors() > 0;
    rows.add(
        row(
            "`/health/live`, 16 connections, 5 s",
            "`/api/v1/ping` " + probe(p),
            probe(l),
            "live/ping p99 " + ratio(l.p99Ms(), p.p99Ms())));
    rows.add(
        row(
            "`/health/ready`, 16 connections, 5 s",
            "`/health/live` " + probe(l),
            probe(r),
            "ready/live p99 " + ratio(r.p99Ms(), l.p99Ms())));
  }

  /**
   * The read routes at 50 connections, each beside {@code /health/live} measured the same way
   * (goals: p99 ≤ 3× live for status, portfolio, commands and bots; ≤ 5× for /metrics). Errors fail
   * the run; the ratios are reported, not gated.
   */
  void reads(Map<String, LatencyStats> reads) {
    Summary live = reads.get("/health/live").summary("/health/live", 5);
    StringBuilder text = new StringBuilder();
    text.append("\n## Reads, 50 connections, 5 s each (the whole fleet registered)\n\n");
    text.append("| route | req/s | p50 ms | p99 ms | errors | p99 / live |\n");
    text.append("|---|---:|---:|---:|---:|---:|\n");
    reads.forEach(
        (route, stats) -> {
          Summary s = stats.summary(route, 5);
          failed |= s.errors() > 0;
          text.append(
              String.format(
                  Locale.ROOT,
                  "| `%s` | %.0f | %.2f | %.2f | %d | %s |%n",
                  route,
                  s.perSecond(),
                  s.p50Ms(),
                  s.p99Ms(),
                  s.errors(),
                  ratio(s.p99Ms(), live.p99Ms())));
        });
    readsTable = text.toString();
  }

  /** The heap at an empty fleet, at the steady fleet and after the load; fails over 50 MiB. */
  void heap(HeapProbe.Sample empty, HeapProbe.Sample steady, HeapProbe.Sample after) {
    failed |= HeapReport.tooMuch(steady, after);
    heapSection = HeapReport.markdown(empty, steady, after, settings.bots());
  }

  private static String probe(Summary s) {
    return String.format(
        Locale.ROOT, "%.0f req/s, p50 %.2f / p99 %.2f ms", s.perSecond(), s.p50Ms(), s.p99Ms());
  }

  boolean failed() {
    return failed;
  }

  String markdown() {
    StringBuilder text = new StringBuilder("# Multibot command cycle\n\n");
    text.append(
        String.format(
            Locale.ROOT,
            "%d external bots over %d simulators (registered in %d ms), management at %s.%n%n",
            settings.bots(),
            settings.simulators(),
            registrationMillis,
            settings.baseUrl()));
    text.append("## Baselines (same run)\n\n| baseline | n | p50 ms | p90 | p99 | max |\n");
    text.append("|---|---:|---:|---:|---:|---:|\n");
    baselines.forEach(
        (name, s) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                    name,
                    s.requests(),
                    s.p50Ms(),
                    s.p90Ms(),
                    s.p99Ms(),
                    s.maxMs())));
    text.append("\n## Against the baselines\n\n| what | baseline | Multibot | ratio |\n");
    text.append("|---|---|---|---|\n");
    rows.forEach(text::append);
    return text.append(openLoopTable()).append(readsTable).append(heapSection).toString();
  }

  private String openLoopTable() {
    StringBuilder text = new StringBuilder();
    text.append("\n## Open loop (`POST /bots/{b}/stop|start?wait=10s`, the fleet in turn)\n\n");
    text.append(
        "| rate/s | sent | achieved/s | finished in wait | not yet (202) | errors | p50 ms |"
            + " p90 | p99 | max | errors by kind |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (OpenLoop.Step step : steps) {
      Summary s = step.latencies().summary("step", step.seconds());
      text.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
              step.rate(),
              step.sent(),
              step.finished() / step.seconds(),
              step.finished(),
              step.notFinished(),
              step.errors(),
              s.p50Ms(),
              s.p90Ms(),
              s.p99Ms(),
              s.maxMs(),
              kinds(step.errorKinds())));
    }
    return text.toString();
  }

  private static String kinds(Map<String, Long> kinds) {
    StringBuilder text = new StringBuilder();
    kinds.forEach(
        (kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(kind + " ×" + count));
    return text.length() == 0 ? "–" : text.toString();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("cycle.md"), markdown(), StandardCharsets.UTF_8);
  }

  private Summary botCall() {
    return baselines.values().stream()
        .filter(s -> s.route().startsWith("direct bot call"))
        .findFirst()
        .orElseThrow();
  }

  private static String row(String what, String baseline, String result, String ratio) {
    return "| " + what + " | " + baseline + " | " + result + " | " + ratio + " |\n";
  }

  private static String ratio(double value, double baseline) {
    return baseline <= 0 ? "–" : String.format(Locale.ROOT, "%.1f×", value / baseline);
  }
}
