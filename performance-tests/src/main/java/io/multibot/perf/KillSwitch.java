package io.multibot.perf;

import java.io.IOException;
import java.time.Duration;

/**
 * The kill switch over the whole fleet ({@code POST /api/v1/emergency/stop-all}): how long until
 * the request answered (every command created and published), and until the batch reported every
 * bot's outcome; then every bot is started again ({@code POST /api/v1/commands/start-all}).
 */
final class KillSwitch {

  /** The figures: milliseconds to the answer and to every outcome, and whether all succeeded. */
  record Pulled(long answeredMillis, long finishedMillis, int total, String byStatus) {}

  private KillSwitch() {}

  static Pulled pull(Http api, Duration limit) throws IOException, InterruptedException {
    long began = System.nanoTime();
    Http.Answer answer = api.post("/api/v1/emergency/stop-all", null);
    long answered = (System.nanoTime() - began) / 1_000_000;
    if (!answer.ok()) {
      throw new IOException("kill switch refused: HTTP " + answer.status() + " " + answer.body());
    }
    String batch = Http.member(answer.body(), "id");
    Http.Answer state = awaitFinished(api, batch, began, limit);
    long finished = (System.nanoTime() - began) / 1_000_000;
    Http.Answer restart = api.post("/api/v1/commands/start-all", null);
    if (restart.ok()) {
      awaitFinished(api, Http.member(restart.body(), "id"), System.nanoTime(), limit);
    }
    return new Pulled(answered, finished, count(state.body(), "total"), byStatus(state.body()));
  }

  private static Http.Answer awaitFinished(Http api, String batch, long began, Duration limit)
      throws IOException, InterruptedException {
    Http.Answer state;
    do {
      Thread.sleep(20);
      state = api.get("/api/v1/commands/batches/" + batch);
    } while (!state.body().contains("\"finished\":true")
        && System.nanoTime() - began < limit.toNanos());
    return state;
  }

  private static int count(String json, String name) {
    var matcher = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static String byStatus(String json) {
    var matcher = java.util.regex.Pattern.compile("\"byStatus\":(\\{[^}]*\\})").matcher(json);
    return matcher.find() ? matcher.group(1) : "?";
  }
}
