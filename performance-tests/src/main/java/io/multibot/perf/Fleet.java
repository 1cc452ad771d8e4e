package io.multibot.perf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** External bots registered with management for the run, spread over the simulators. */
record Fleet(List<String> names, long registrationMillis) {

  private static final int REGISTERING_THREADS = 8;

  static Fleet register(Http api, List<String> urls, int count)
      throws IOException, InterruptedException, ExecutionException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String strategy = "PerfStrategy" + run;
    Http.Answer created =
        api.post(
            "/api/v1/strategies",
            "{\"name\": \""
                + strategy
                + "\", \"source\": \"class "
                + strategy
                + "(IStrategy):\\n    pass\\n\"}");
    if (created.status() != 201) {
      throw new IOException(
          "strategy not created: HTTP " + created.status() + " " + created.body());
    }
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(REGISTERING_THREADS);
    List<Future<String>> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "perf-" + run + "-" + i;
      String url = urls.get(i % urls.size());
      names.add(pool.submit(() -> register(api, name, url, strategy)));
    }
    List<String> registered = new ArrayList<>();
    for (Future<String> name : names) {
      registered.add(name.get());
    }
    pool.shutdown();
    return new Fleet(
        Collections.unmodifiableList(registered), (System.nanoTime() - began) / 1_000_000);
  }

  private static String register(Http api, String name, String url, String strategy)
      throws IOException, InterruptedException {
    String body =
        "{\"name\": \""
            + name
            + "\", \"tags\": [\"perf\"], \"strategy\": {\"name\": \""
            + strategy
            + "\"}, \"exchange\": \"binance\", \"stakeCurrency\": \"USDT\","
            + " \"stakeAmount\": 10, \"maxOpenTrades\": 1, \"timeframe\": \"5m\","
            + " \"pairWhitelist\": [\"BTC/USDT\"], \"runMode\": \"external\", \"apiUrl\": \""
            + url
            + "\", \"apiUsername\": \""
            + SimulatorFleet.USERNAME
            + "\","
            + " \"secrets\": {\"apiPassword\": \""
            + SimulatorFleet.PASSWORD
            + "\"}}";
    Http.Answer answer = api.post("/api/v1/bots", body);
    if (answer.status() != 201) {
      throw new IOException("bot " + name + " not registered: HTTP " + answer.status());
    }
    return name;
  }

  /**
   * Waits until management has a status for every bot of the run (no {@code unknown} in the fleet
   * counts), so the heap is measured at a steady fleet; at most {@code limit}.
   */
  static void awaitPolled(Http api, java.time.Duration limit)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      Http.Answer answer = api.get("/api/v1/status?tag=perf&size=1");
      if (answer.status() == 200 && !answer.body().contains("\"unknown\"")) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IOException("the fleet was not polled within " + limit);
  }
}
