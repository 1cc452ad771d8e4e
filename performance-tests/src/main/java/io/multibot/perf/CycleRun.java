package io.multibot.perf;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The command-cycle benchmark, each figure beside its baseline from the same run: starts a few
 * simulated bots, registers a fleet of external bots over them, then measures the Redis round trip
 * and the direct bot call (baselines), one client's {@code ?wait} commands, open-loop command
 * rates, the kill switch over the whole fleet against a direct client making the same calls, and
 * {@code /health/live} against {@code /health/ready}. Usage: {@code java -cp performance-tests.jar
 * io.multibot.perf.CycleRun --simulator-jar PATH [--bots 100] [--simulators 2] [--rates 10,50,200]
 * [--step PT10S] [--report DIR] [--base-url URL] [--redis-url URL] [--management-pid PID] [--soak
 * PT0S]}; with the management server's pid, the heap is measured at an empty fleet, at the steady
 * fleet and after the load (and a {@code --soak} of reads); the admin password comes from {@code
 * MULTIBOT_ADMIN_PASSWORD}. Exits 1 when a command failed or an open-loop step lost requests.
 */
public final class CycleRun {

  private CycleRun() {}

  public static void main(String[] args)
      throws IOException, InterruptedException, ExecutionException {
    PrintStream out = System.out;
    CycleSettings settings = CycleSettings.parse(args, System.getenv());
    Http api = Http.signIn(settings.baseUrl(), "admin", settings.password());
    CycleReport report = new CycleReport(settings);
    HeapProbe heap =
        settings.managementPid() > 0
            ? new HeapProbe(settings.baseUrl(), settings.managementPid())
            : null;
    HeapProbe.Sample empty = heap == null ? null : heap.sample();
    HeapProbe.Sample steady = null;
    try (SimulatorFleet fleet =
        SimulatorFleet.start(
            settings.simulatorJar(),
            settings.report().resolve("simulators"),
            settings.simulators(),
            settings.bots())) {
      Fleet bots = Fleet.register(api, fleet.urls(), settings.bots());
      report.setup(bots.registrationMillis());
      if (heap != null) {
        Fleet.awaitPolled(api, Duration.ofSeconds(90));
        steady = heap.sample();
      }
      load(settings, fleet, api, bots, report);
      soak(settings, api, bots.names().get(0));
      if (heap != null) {
        report.heap(empty, steady, heap.sample());
      }
    }
    report.write(settings.report());
    out.print(report.markdown());
    if (report.failed()) {
      PrintStream err = System.err;
      err.println(
          "cycle run: commands failed, requests were lost or the heap grew too much; see the report");
      System.exit(1);
    }
  }

  /** Everything measured at the steady fleet, each beside its baseline. */
  private static void load(
      CycleSettings settings, SimulatorFleet fleet, Http api, Fleet bots, CycleReport report)
      throws IOException, InterruptedException {
    baselines(settings, fleet, report);
    Phases phases = new Phases();
    report.line("one client, `?wait=10s`", oneClient(api, bots.names().get(0), 200, phases));
    report.phases(phases);
    for (int rate : settings.rates()) {
      report.openLoop(rate, OpenLoop.run(api, bots.names(), rate, settings.step()));
    }
    report.killSwitch(
        Baselines.directStops(fleet.urls(), settings.bots(), 4),
        KillSwitch.pull(api, Duration.ofMinutes(2)));
    report.reads(reads(settings, api, bots.names().get(0)));
    report.health(
        Health.closedLoop(settings.baseUrl(), "/api/v1/ping", 16, Duration.ofSeconds(5)),
        Health.closedLoop(settings.baseUrl(), "/health/live", 16, Duration.ofSeconds(5)),
        Health.closedLoop(settings.baseUrl(), "/health/ready", 16, Duration.ofSeconds(5)));
  }

  /** Routes a console and operators poll, 50 connections each for 5 s, beside /health/live. */
  private static Map<String, LatencyStats> reads(CycleSettings settings, Http api, String bot)
      throws InterruptedException {
    Map<String, LatencyStats> reads = new LinkedHashMap<>();
    for (String route :
        List.of(
            "/health/live",
            "/api/v1/bots/" + bot,
            "/api/v1/bots?size=50",
            "/api/v1/status?size=50",
            "/api/v1/portfolio",
            "/api/v1/commands?size=20",
            "/api/v1/status",
            "/metrics")) {
      reads.put(
          route,
          Health.closedLoop(settings.baseUrl(), route, api.token(), 50, Duration.ofSeconds(5)));
    }
    return reads;
  }

  /**
   * The reads a console and operators poll, in turn, 50 connections, for {@code --soak} in all: the
   * bulk of the requests the heap growth is measured over.
   */
  private static void soak(CycleSettings settings, Http api, String bot)
      throws InterruptedException {
    List<String> routes =
        List.of(
            "/api/v1/bots/" + bot,
            "/api/v1/status?size=50",
            "/api/v1/commands?size=20",
            "/api/v1/portfolio");
    Duration each = settings.soak().dividedBy(routes.size());
    if (each.isZero()) {
      return;
    }
    for (String route : routes) {
      Health.closedLoop(settings.baseUrl(), route, api.token(), 50, each);
    }
  }

  private static void baselines(CycleSettings settings, SimulatorFleet fleet, CycleReport report)
      throws InterruptedException {
    Baselines.redis(settings.redisUrl(), 200);
    report.baseline("Redis XADD + XREADGROUP + XACK", Baselines.redis(settings.redisUrl(), 2000));
    Baselines.botCall(fleet.urls().get(0), 100);
    report.baseline(
        "direct bot call (`POST /api/v1/stop`)", Baselines.botCall(fleet.urls().get(0), 500));
  }

  /** One client, one bot: stop and start in turn, each waiting for its outcome. */
  static LatencyStats oneClient(Http api, String bot, int rounds, Phases phases)
      throws IOException, InterruptedException {
    LatencyStats stats = new LatencyStats();
    for (int i = 0; i < rounds + 20; i++) {
      String path = "/api/v1/bots/" + bot + (i % 2 == 0 ? "/stop" : "/start") + "?wait=10s";
      long began = System.nanoTime();
      java.time.Instant sent = java.time.Instant.now();
      Http.Answer answer = api.post(path, null);
      java.time.Instant received = java.time.Instant.now();
      boolean ok =
          answer.status() == 200 && "SUCCEEDED".equals(Http.member(answer.body(), "status"));
      if (i >= 20) {
        stats.record((System.nanoTime() - began) / 1000, ok);
        phases.record(sent, answer.body(), received);
      }
    }
    return stats;
  }
}
