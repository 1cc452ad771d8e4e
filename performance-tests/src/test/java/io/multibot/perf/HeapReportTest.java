package io.multibot.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapReportTest {

  private static final long MIB = 1024L * 1024;

  @Test
  void readsTheJvmsHistogramAndTheServersMetrics() throws IOException {
    String text =
        """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:        120000       45000000  [B (java.base@17.0.15)
               2:          3340       31000000  [J (java.base@17.0.15)
               3:          1000          64000  io.multibot.management.status.BotStatusView
            Total        124340       76064000
            """;
    Map<String, long[]> histogram = HeapProbe.histogram(text);
    assertEquals(76064000L, HeapProbe.live(text));
    assertEquals(3, histogram.size());
    assertEquals(45000000L, histogram.get("[B")[1]);
    assertEquals(1000L, histogram.get("io.multibot.management.status.BotStatusView")[0]);

    String metrics =
        """
        # TYPE memory_usedHeap_bytes gauge
        memory_usedHeap_bytes{mp_scope="base",} 7.3400320E7
        REST_request_seconds_count{class="a",method="b",mp_scope="base",} 10.0
        REST_request_seconds_count{class="c",method="d",mp_scope="base",} 32.0
        """;
    assertEquals(42L, HeapProbe.restRequests(metrics));
  }

  @Test
  void growthAtTheSteadyFleetIsGatedAndTheFleetIsPricedPerBot() {
    HeapProbe.Sample empty = sample(70 * MIB, 0, 0);
    HeapProbe.Sample steady = sample(170 * MIB, 100 * MIB, 500);
    HeapProbe.Sample fine = sample(219 * MIB, 100 * MIB, 100_500);
    HeapProbe.Sample tooMuch = sample(221 * MIB, 100 * MIB, 100_500);

    assertFalse(HeapReport.tooMuch(steady, fine));
    assertTrue(HeapReport.tooMuch(steady, tooMuch));
    String text = HeapReport.markdown(empty, steady, fine, 1000);
    assertTrue(text.contains("the fleet costs 100.0 MiB, 102.4 KiB a bot"), text);
    assertTrue(text.contains("growth 49.0 MiB"), text);
    assertTrue(text.contains("over 100000 REST requests"), text);
    assertTrue(text.contains("| `[B` | 0 | 104857600 | 104858 |"), text);
  }

  private static HeapProbe.Sample sample(long used, long byteArrays, long rest) {
    return new HeapProbe.Sample(used, Map.of("[B", new long[] {1000, byteArrays}), rest);
  }
}
