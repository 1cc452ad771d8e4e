package io.multibot.delivery;

import static io.multibot.delivery.Yamls.map;
import static io.multibot.delivery.Yamls.maps;
import static io.multibot.delivery.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `helm lint` and `helm template` of the chart (real Helm), and what the rendered manifests hold.
 */
class HelmChartTest {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = new Helm(Chart.directory()).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"values.yaml", "values-staging.yaml", "values-production.yaml"})
  void rendersManifestsThatPassEveryRule(String valuesFile) {
    List<Map<String, Object>> documents =
        Chart.documents(valuesFile, Map.of("global.imageTag", SHA));

    assertThat(ManifestRules.check(documents, Chart::environmentOf)).isEmpty();
    assertThat(kinds(documents))
        .contains(
            "Deployment",
            "StatefulSet",
            "Service",
            "ConfigMap",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "Ingress");
    assertThat(kinds(documents).contains("HorizontalPodAutoscaler"))
        .as("autoscaling in %s", valuesFile)
        .isEqualTo(!"values-staging.yaml".equals(valuesFile));
  }

  @Test
  void defaultsRunThreeManagementServersAndTwoGateways() {
    List<Map<String, Object>> documents = Chart.documents(null, Map.of());

    assertThat(Yamls.map(deployment(documents, "management-server"), "spec"))
        .as("the HPA owns the management-server's replica count")
        .doesNotContainKey("replicas");
    assertThat(
            documents.stream()
                .filter(d -> "HorizontalPodAutoscaler".equals(string(d, "kind")))
                .map(d -> string(d, "spec", "minReplicas")))
        .containsExactly("3");
    assertThat(string(deployment(documents, "trading-gateway"), "spec", "replicas")).isEqualTo("2");
    Map<String, Object> management =
        ManifestRules.containers(deployment(documents, "management-server")).get(0);
    assertThat(maps(management, "env"))
        .anySatisfy(
            env -> {
              assertThat(string(env, "name")).isEqualTo("DATABASE_URL");
              assertThat(string(env, "valueFrom", "secretKeyRef", "name")).isEqualTo("db-secret");
              assertThat(string(env, "valueFrom", "secretKeyRef", "key")).isEqualTo("url");
            });
    assertThat(string(management, "startupProbe", "httpGet", "path")).isEqualTo("/health/started");
    assertThat(string(management, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
    assertThat(string(management, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
  }

  @Test
  void withoutAnHpaTheReplicaCountIsRendered() {
    List<Map<String, Object>> documents =
        Chart.documents(null, Map.of("managementServer.autoscaling.enabled", "false"));

    assertThat(string(deployment(documents, "management-server"), "spec", "replicas"))
        .isEqualTo("3");
  }

  @Test
  void aChangedConfigMapRollsThePods() {
    String before = checksum(Chart.documents(null, Map.of()));
    String changed =
        checksum(
            Chart.documents(
                null,
                Map.of("redis.enabled", "false", "redis.externalUrl", "redis://elsewhere:6379")));
    String again = checksum(Chart.documents(null, Map.of()));

    assertThat(before).isEqualTo(again).isNotEqualTo(changed);
  }

  private static String checksum(List<Map<String, Object>> documents) {
    return string(
        deployment(documents, "management-server"),
        "spec",
        "template",
        "metadata",
        "annotations",
        "checksum/config");
  }

  @Test
  void productionRunsPinnedImagesAndRefusesLatest() {
    List<Map<String, Object>> documents = Chart.documents("values-production.yaml", Map.of());

    List<String> images = new ArrayList<>();
    for (Map<String, Object> workload : documents) {
      ManifestRules.containers(workload).forEach(c -> images.add(string(c, "image")));
    }
    assertThat(images)
        .isNotEmpty()
        .allSatisfy(image -> assertThat(image).matches(".+:[^:]+").doesNotEndWith(":latest"));
    assertThatThrownBy(
            () -> Chart.render("values-production.yaml", Map.of("global.imageTag", "latest")))
        .hasMessageContaining("production must not run the \"latest\" image tag");
  }

  @Test
  void schemaRefusesInvalidValues() {
    assertThatThrownBy(() -> Chart.render(null, Map.of("managementServer.replicas", "0")))
        .hasMessageContaining("replicas");
    assertThatThrownBy(
            () -> Chart.render(null, Map.of("tradingGateway.image.pullPolicy", "Sometimes")))
        .hasMessageContaining("pullPolicy");
  }

  @Test
  void redisAndBotsAreReachableOnlyFromTheServers() {
    List<Map<String, Object>> documents = Chart.documents(null, Map.of());

    assertThat(allowedComponents(policy(documents, "multibot-freqtrade-multi-bot-redis")))
        .containsExactlyInAnyOrder("management-server", "trading-gateway");
    Map<String, Object> bots = policy(documents, "multibot-freqtrade-multi-bot-bots");
    assertThat(allowedComponents(bots)).containsExactly("trading-gateway");
    assertThat(map(bots, "spec", "podSelector", "matchLabels"))
        .containsEntry("app.kubernetes.io/part-of", "freqtrade-bots");
  }

  @Test
  void externalRedisNeedsItsUrl() {
    assertThatThrownBy(() -> Chart.render(null, Map.of("redis.enabled", "false")))
        .hasMessageContaining("redis.externalUrl");
    String rendered =
        Chart.render(
            null, Map.of("redis.enabled", "false", "redis.externalUrl", "rediss://cache:6380"));
    assertThat(rendered)
        .contains("REDIS_URL: \"rediss://cache:6380\"")
        .doesNotContain("kind: StatefulSet");
  }

  @Test
  void rulesCatchBrokenManifests() {
    List<Map<String, Object>> documents = Chart.documents(null, Map.of());
    Map<String, Object> container =
        ManifestRules.containers(deployment(documents, "trading-gateway")).get(0);
    container.remove("readinessProbe");
    map(container, "securityContext").put("allowPrivilegeEscalation", true);
    List<Map<String, Object>> env = maps(container, "env");
    env.get(0).put("name", "NOT_A_SETTING");
    container.put("env", env);

    assertThat(ManifestRules.check(documents, Chart::environmentOf))
        .anyMatch(v -> v.endsWith("no readinessProbe"))
        .anyMatch(v -> v.endsWith("allows privilege escalation"))
        .anyMatch(v -> v.endsWith("NOT_A_SETTING is read by no configuration key"));
  }

  static Map<String, Object> deployment(List<Map<String, Object>> documents, String component) {
    return documents.stream()
        .filter(d -> "Deployment".equals(string(d, "kind")))
        .filter(d -> ManifestRules.name(d).endsWith(component))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> kinds(List<Map<String, Object>> documents) {
    return documents.stream().map(d -> string(d, "kind")).distinct().toList();
  }

  private static Map<String, Object> policy(List<Map<String, Object>> documents, String name) {
    return documents.stream()
        .filter(
            d -> "NetworkPolicy".equals(string(d, "kind")) && name.equals(ManifestRules.name(d)))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> allowedComponents(Map<String, Object> policy) {
    List<String> components = new ArrayList<>();
    for (Map<String, Object> rule : maps(policy, "spec", "ingress")) {
      for (Map<String, Object> peer : maps(rule, "from")) {
        components.add(string(peer, "podSelector", "matchLabels", "app.kubernetes.io/component"));
      }
    }
    return components;
  }
}
