package io.multibot.perf;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one command's time goes, from the timestamps management records ({@code createdAt}, {@code
 * dispatchedAt}, {@code startedAt}, {@code finishedAt}) and the client's own send and receive times
 * (the same machine's clock): request → created → on the stream → the gateway began → the outcome
 * stored → the answer received.
 */
final class Phases {

  static final List<String> NAMES =
      List.of(
          "request → created",
          "created → dispatched",
          "dispatched → started (gateway)",
          "started → finished (bot calls)",
          "finished → answer received");

  private final Map<String, LatencyStats> phases = new LinkedHashMap<>();

  Phases() {
    NAMES.forEach(name -> phases.put(name, new LatencyStats()));
  }

  /** Records one answered command; an answer without the timestamps is left out. */
  void record(Instant sent, String answer, Instant received) {
    List<String> stamps =
        List.of("createdAt", "dispatchedAt", "startedAt", "finishedAt").stream()
            .map(name -> Http.member(answer, name))
            .toList();
    if (stamps.contains(null)) {
      return; // not a finished command's view: nothing to split
    }
    try {
      Instant[] at = {
        sent,
        Instant.parse(stamps.get(0)),
        Instant.parse(stamps.get(1)),
        Instant.parse(stamps.get(2)),
        Instant.parse(stamps.get(3)),
        received
      };
      for (int i = 0; i < NAMES.size(); i++) {
        long micros = Math.max(0, Duration.between(at[i], at[i + 1]).toNanos() / 1000);
        phases.get(NAMES.get(i)).record(micros, true);
      }
    } catch (DateTimeParseException e) {
      // a timestamp this run cannot read: left out
    }
  }

  /** The p50 of each phase, as one line of text. */
  String markdown() {
    StringBuilder text = new StringBuilder();
    phases.forEach(
        (name, stats) -> {
          LatencyStats.Summary s = stats.summary(name, 0);
          text.append(text.length() == 0 ? "" : "; ")
              .append(String.format(Locale.ROOT, "%s p50 %.2f ms", name, s.p50Ms()));
        });
    return text.toString();
  }
}
