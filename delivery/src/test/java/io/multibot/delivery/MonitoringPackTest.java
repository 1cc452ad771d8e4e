package io.multibot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's observability pack: the alert rules pass {@code promtool check rules} and their unit
 * tests ({@code promtool test rules}), the PrometheusRule and the dashboard's ConfigMap carry
 * exactly the files, only when asked for, and every metric they read is one the servers export.
 */
class MonitoringPackTest {

  private static final String RULES =
      "deployment/helm/freqtrade-multi-bot/files/prometheus-rules.yaml";
  private static final String RULE_TESTS = "deployment/monitoring/prometheus-rules.test.yaml";
  private static final String DASHBOARD =
      "deployment/helm/freqtrade-multi-bot/files/grafana-dashboard.json";
  private static final Pattern METRIC = Pattern.compile("\\bmultibot_[a-z_]+");
  private static final Pattern REGISTERED = Pattern.compile("\"(multibot(?:\\.[a-z]+)+)\"");

  @Test
  void theRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
    assertThat(promtool("check", "rules", RULES)).contains("SUCCESS: 11 rules found");
    assertThat(promtool("test", "rules", RULE_TESTS)).contains("SUCCESS");
  }

  @Test
  void thePackIsRenderedOnlyWhenAskedForAndCarriesTheFiles() {
    assertThat(kinds(Chart.documents(null, Map.of()))).doesNotContain("PrometheusRule");

    List<Map<String, Object>> documents =
        Chart.documents(
            null,
            Map.of(
                "monitoring.prometheusRule.enabled", "true",
                "monitoring.prometheusRule.labels.release", "kube-prometheus",
                "monitoring.grafanaDashboard.enabled", "true"));

    Map<String, Object> rule = only(documents, "PrometheusRule");
    assertThat(Yamls.map(rule, "metadata", "labels")).containsEntry("release", "kube-prometheus");
    assertThat(Yamls.at(rule, "spec"))
        .as("the PrometheusRule's spec is the rule file promtool checked")
        .isEqualTo(Yamls.document(Repo.read(RULES)));
    Map<String, Object> dashboard =
        documents.stream()
            .filter(d -> "ConfigMap".equals(d.get("kind")))
            .filter(d -> Yamls.string(d, "metadata", "name").endsWith("-monitoring-dashboard"))
            .findFirst()
            .orElseThrow();
    assertThat(Yamls.map(dashboard, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
    assertThat(Yamls.document(Yamls.string(dashboard, "data", "multibot.json")))
        .isEqualTo(Yamls.document(Repo.read(DASHBOARD)));
    assertThat(ManifestRules.check(documents, Chart::environmentOf)).isEmpty();
  }

  @Test
  void everyMetricTheRulesAndTheDashboardReadIsOneTheServersExport() throws IOException {
    Set<String> exported = exported();
    Set<String> read = new TreeSet<>();
    for (String file : List.of(RULES, RULE_TESTS, DASHBOARD)) {
      Matcher metric = METRIC.matcher(Repo.read(file));
      while (metric.find()) {
        read.add(metric.group());
      }
    }

    assertThat(read).hasSizeGreaterThan(10);
    assertThat(exported).as("what the servers register").isNotEmpty().containsAll(read);
  }

  /**
   * The names the servers register (in their main sources), as Prometheus shows them: dots become
   * underscores; counters add {@code _total}, timers {@code _seconds}.
   */
  private static Set<String> exported() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String module : List.of("management-server", "trading-gateway")) {
      try (Stream<Path> files = Files.walk(Repo.path(module + "/src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher registered = REGISTERED.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (registered.find()) {
            String name = registered.group(1).replace('.', '_');
            names.addAll(List.of(name, name + "_total", name + "_seconds"));
          }
        }
      }
    }
    return names;
  }

  /**
   * Runs promtool (PROMTOOL, or on the PATH: Debian's prometheus package) and returns its output.
   */
  private static String promtool(String... arguments) throws Exception {
    String program = System.getenv().getOrDefault("PROMTOOL", "promtool");
    List<String> command = new ArrayList<>(List.of(program));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(Repo.root().toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "promtool is missing: scripts/ensure-services.sh installs it (Debian's prometheus)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static List<Object> kinds(List<Map<String, Object>> documents) {
    return documents.stream().map(d -> d.get("kind")).toList();
  }

  private static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
    List<Map<String, Object>> found =
        documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
