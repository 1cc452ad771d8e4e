package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty clients read the whole fleet ({@code /status}, {@code /portfolio}) with 1,000 bots
 * registered, while commands flow to four simulated bots and an operator signs in. Reads may slow
 * down; nothing else may: no 5xx anywhere, every command final and true, every login answered.
 * (Once each fleet read held one database connection while it waited for a second, and fifty of
 * them stalled the whole server.)
 */
class FleetReadStormIT {

  private static final int FLEET = 1000;
  private static final int READERS = 50;

  /** Registrations in parallel, as a provisioning script would. */
  private static final int WRITERS = 8;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(FleetReadStormIT.class.getName());

  @TempDir private Path dir;

  @Test
  void fiftyFleetReadersStallNeitherCommandsNorLogins() throws Exception {
    String token = ManagementApi.token();
    String strategy = ManagementApi.storeStrategy(token, "Storm");
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 2);
    List<String> fleetBots = new ArrayList<>();
    try (FaultFleet fleet = FaultFleet.start(dir, token, 0, 0, 250, 1000)) {
      fleetBots.addAll(register(token, strategy));
      AtomicBoolean reading = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Integer> reads = new ConcurrentLinkedQueue<>();
      List<Future<?>> readers = startReaders(pool, token, reading, reads);
      Instant start = Instant.now();
      List<Integer> logins = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        fleet.send(4, Duration.ofMillis(200));
        logins.add(login());
      }
      reading.set(false);
      for (Future<?> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
      LOG.info(() -> reads.size() + " fleet reads by " + READERS + " readers since " + start);
      fleet
          .reconcile("50 fleet readers, 1,000 bots", start, Duration.ofSeconds(120))
          .assertKeptItsPromise();
      assertThat(reads).as("fleet reads").isNotEmpty().containsOnly(200);
      assertThat(logins).as("logins during the storm").containsOnly(200);
    } finally {
      pool.shutdownNow();
      unregister(token, fleetBots);
    }
  }

  private static List<Future<?>> startReaders(
      ExecutorService pool,
      String token,
      AtomicBoolean reading,
      ConcurrentLinkedQueue<Integer> reads) {
    List<Future<?>> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      String path = i % 2 == 0 ? "/status" : "/portfolio";
      readers.add(
          pool.submit(
              () -> {
                while (reading.get()) {
                  reads.add(ManagementApi.get(token, path).status());
                }
              }));
    }
    return readers;
  }

  private static int login() {
    return ManagementApi.checked(
            "POST",
            "/auth/login",
            HttpJson.post(ManagementApi.API + "/auth/login", ManagementApi.adminCredentials()))
        .status();
  }

  /** Registers the fleet: managed bots, never started (nobody polls them). */
  private static List<String> register(String token, String strategy) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    String prefix = "storm-" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<Future<HttpJson.Answer>> created = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < FLEET; i++) {
      String name = prefix + i;
      names.add(name);
      String body =
          ManagementApi.botRequest(name, strategy).add("runMode", "managed").build().toString();
      created.add(pool.submit(() -> ManagementApi.post(token, "/bots", body)));
    }
    try {
      for (Future<HttpJson.Answer> answer : created) {
        assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
    return names;
  }

  /**
   * Deletes the fleet one bot after another: concurrent deletions on Derby wait on each other's
   * lock of the tag table until its deadlock detection picks a victim (20 s, then a 409).
   */
  private static void unregister(String token, List<String> names) {
    for (String name : names) {
      HttpJson.Answer deleted = ManagementApi.delete(token, "/bots/" + name);
      assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    }
  }
}
