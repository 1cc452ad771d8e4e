package io.multibot.gateway.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** When management's API first shows a change, for measuring how late a screen shows it. */
final class ApiWatch {

  private static final Duration EVERY = Duration.ofMillis(50);

  private ApiWatch() {}

  /**
   * When the API first shows the bot in the state: polled every 50 ms from another thread, so the
   * instant is at most a poll late (which makes a lag measured from it smaller, by at most that).
   */
  static CompletableFuture<Instant> firstSeen(
      String token, String bot, String state, Duration patience) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            ManagementApi.await(
                token,
                "/bots/" + bot + "/status",
                status -> state.equals(status.getString("state")),
                EVERY,
                patience);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return Instant.now();
        });
  }

  /** Appends a measured lag to a report file (one line per run, in milliseconds). */
  static void record(Path report, Duration lag) {
    try {
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          Instant.now() + " status change on screen " + lag.toMillis() + " ms after the API\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
