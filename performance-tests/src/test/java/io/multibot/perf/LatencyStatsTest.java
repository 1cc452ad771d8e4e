package io.multibot.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.multibot.perf.LatencyStats.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

  @Test
  void percentilesUseTheNearestRank() {
    LatencyStats stats = new LatencyStats();
    for (int ms = 100; ms >= 1; ms--) {
      stats.record(ms * 1000L, ms != 7);
    }

    Summary summary = stats.summary("/x", 10);

    assertThat(summary.requests()).isEqualTo(100);
    assertThat(summary.errors()).isEqualTo(1);
    assertThat(summary.perSecond()).isEqualTo(10.0);
    // HdrHistogram at three significant digits: within 0.1% of the exact figures.
    assertThat(summary.p50Ms()).isCloseTo(50.0, within(0.05));
    assertThat(summary.p95Ms()).isCloseTo(95.0, within(0.1));
    assertThat(summary.p99Ms()).isCloseTo(99.0, within(0.1));
    assertThat(summary.maxMs()).isCloseTo(100.0, within(0.1));
    assertThat(summary.meanMs()).isCloseTo(50.5, within(0.06));
  }

  @Test
  void smallSamplesAndEmptyRoutes() {
    LatencyStats one = new LatencyStats();
    one.record(3000, true);
    assertThat(one.summary("/one", 1).p99Ms()).isCloseTo(3.0, within(0.01));
    LatencyStats two = new LatencyStats();
    two.record(1000, true);
    two.record(2000, true);
    assertThat(two.summary("/two", 1).p50Ms()).isCloseTo(1.0, within(0.01));
    assertThat(new LatencyStats().summary("/none", 1).p95Ms()).isZero();
  }

  @Test
  void aSlowReadinessProbeFailsTheRun() {
    LatencyStats fast = new LatencyStats();
    LatencyStats slow = new LatencyStats();
    for (int i = 0; i < 100; i++) {
      fast.record(5_000, true);
      slow.record(i < 90 ? 5_000 : 150_000, true);
    }

    assertThat(LoadRun.slowHealth(List.of(fast.summary("/health/ready", 1)))).isEmpty();
    assertThat(LoadRun.slowHealth(List.of(slow.summary("/health/ready", 1)))).isPresent();
    assertThat(LoadRun.slowHealth(List.of(slow.summary("/api/v1/status", 1)))).isEmpty();
  }

  @Test
  void optionsAreParsedAndCheckedBeforeAnyLoad() {
    Settings settings =
        Settings.parse(
            new String[] {"--users", "3", "--duration", "PT5S"},
            Map.of("MULTIBOT_ADMIN_PASSWORD", "pw"));

    assertThat(settings.users()).isEqualTo(3);
    assertThat(settings.duration().toSeconds()).isEqualTo(5);
    assertThat(settings.password()).isEqualTo("pw");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Settings.parse(new String[] {"--users", "many"}, Map.of()))
        .hasMessageContaining("malformed");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Settings.parse(new String[] {"--threads", "3"}, Map.of()))
        .hasMessageContaining("--threads");
  }
}
