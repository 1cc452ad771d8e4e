package io.multibot.perf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhasesTest {

  @Test
  void splitsACommandsTimeByItsTimestamps() {
    Phases phases = new Phases();
    Instant sent = Instant.parse("2026-12-04T08:00:00Z");
    String answer =
        "{\"status\": \"SUCCEEDED\", \"createdAt\": \"2026-12-04T08:00:00.002Z\","
            + " \"dispatchedAt\": \"2026-12-04T08:00:00.005Z\","
            + " \"startedAt\": \"2026-12-04T08:00:00.006Z\","
            + " \"finishedAt\": \"2026-12-04T08:00:00.010Z\"}";
    phases.record(sent, answer, Instant.parse("2026-12-04T08:00:00.030Z"));
    phases.record(sent, "{\"status\": \"ACCEPTED\"}", Instant.parse("2026-12-04T08:00:01Z"));

    String text = phases.markdown();
    assertTrue(text.contains("request → created p50 2.00 ms"), text);
    assertTrue(text.contains("created → dispatched p50 3.00 ms"), text);
    assertTrue(text.contains("dispatched → started (gateway) p50 1.00 ms"), text);
    assertTrue(text.contains("started → finished (bot calls) p50 4.00 ms"), text);
    assertTrue(text.contains("finished → answer received p50 20.0"), text);
  }
}
