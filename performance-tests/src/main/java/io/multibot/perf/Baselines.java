package io.multibot.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * What the command cycle is compared with, measured in the same run on the same machine: the raw
 * Redis round trip a command makes (XADD, XREADGROUP, XACK), and the bot call a command ends in
 * (freqtrade's {@code POST /api/v1/stop} or {@code /start}, HTTP basic auth), alone and by a direct
 * client over a whole fleet.
 */
final class Baselines {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final String AUTHORIZATION =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (SimulatorFleet.USERNAME + ":" + SimulatorFleet.PASSWORD)
                      .getBytes(StandardCharsets.UTF_8));

  private Baselines() {}

  /** XADD + XREADGROUP + XACK of one small entry, {@code rounds} times, one client. */
  static LatencyStats redis(String url, int rounds) {
    LatencyStats stats = new LatencyStats();
    String stream = "multibot-perf:baseline:" + UUID.randomUUID();
    try (RedisClient redis = RedisClient.create(URI.create(url))) {
      redis.xgroupCreate(stream, "g", new StreamEntryID(), true);
      for (int i = 0; i < rounds; i++) {
        long began = System.nanoTime();
        redis.xadd(stream, XAddParams.xAddParams(), Map.of("id", Integer.toString(i)));
        var read =
            redis.xreadGroup(
                "g",
                "c",
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        redis.xack(stream, "g", read.get(0).getValue().get(0).getID());
        stats.record((System.nanoTime() - began) / 1000, true);
      }
      redis.del(stream);
    }
    return stats;
  }

  /** The bot call alone: stop and start in turn, {@code rounds} calls, one client. */
  static LatencyStats botCall(String url, int rounds) throws InterruptedException {
    LatencyStats stats = new LatencyStats();
    for (int i = 0; i < rounds; i++) {
      long began = System.nanoTime();
      boolean ok = call(url, i % 2 == 0 ? "stop" : "start");
      stats.record((System.nanoTime() - began) / 1000, ok);
    }
    call(url, "start");
    return stats;
  }

  /**
   * What the kill switch does, done directly: {@code POST /stop} to each of {@code bots} bots (the
   * fleet's addresses in turn) by {@code threads} threads. Returns the wall-clock milliseconds.
   */
  static long directStops(List<String> urls, int bots, int threads) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long began = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < bots; i = next.getAndIncrement()) {
              try {
                call(urls.get(i % urls.size()), "stop");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    long millis = (System.nanoTime() - began) / 1_000_000;
    for (String url : urls) {
      call(url, "start");
    }
    return millis;
  }

  static boolean call(String url, String route) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v1/" + route))
                  .header("Authorization", AUTHORIZATION)
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
