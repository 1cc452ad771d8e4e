package io.multibot.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A route hammered by {@code connections} clients in a closed loop for a while. */
final class Health {

  private Health() {}

  static LatencyStats closedLoop(URI base, String route, int connections, Duration duration)
      throws InterruptedException {
    return closedLoop(base, route, null, connections, duration);
  }

  /** The same with {@code Authorization: Bearer token} ({@code null}: none). */
  static LatencyStats closedLoop(
      URI base, String route, String token, int connections, Duration duration)
      throws InterruptedException {
    LatencyStats stats = new LatencyStats();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(route)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request = builder.build();
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    for (int c = 0; c < connections; c++) {
      pool.execute(
          () -> {
            while (System.nanoTime() < end) {
              long began = System.nanoTime();
              boolean ok;
              try {
                ok =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200;
              } catch (IOException e) {
                ok = false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              stats.record((System.nanoTime() - began) / 1000, ok);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    return stats;
  }
}
