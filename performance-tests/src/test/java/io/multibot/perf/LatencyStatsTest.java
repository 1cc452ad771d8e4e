package io.multibot.perf;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(summary.p50Ms()).isEqualTo(50.0);
    assertThat(summary.p95Ms()).isEqualTo(95.0);
    assertThat(summary.p99Ms()).isEqualTo(99.0);
    assertThat(summary.maxMs()).isEqualTo(100.0);
    assertThat(summary.meanMs()).isEqualTo(50.5);
  }

  @Test
  void smallSamplesAndEmptyRoutes() {
    assertThat(LatencyStats.percentile(List.of(3000L), 99)).isEqualTo(3.0);
    assertThat(LatencyStats.percentile(List.of(1000L, 2000L), 50)).isEqualTo(1.0);
    assertThat(new LatencyStats().summary("/none", 1).p95Ms()).isZero();
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
