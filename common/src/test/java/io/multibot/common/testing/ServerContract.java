package io.multibot.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.microshed.testing.ApplicationEnvironment;

/**
 * What every Multibot server promises on the wire, checked against a running server that the
 * Liberty plugin started (MicroShed's manually-started mode finds it). Each server's {@code
 * HealthIT} extends this and names its own readiness checks and API title.
 */
public abstract class ServerContract {

  /** The readiness checks this server must report, by name. */
  protected abstract List<String> readinessChecks();

  /** The startup checks this server must report, by name. */
  protected abstract List<String> startupChecks();

  /** The title of this server's OpenAPI document. */
  protected abstract String apiTitle();

  protected static String serverRoot() {
    URI app = URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL());
    return app.getScheme() + "://" + app.getHost() + ":" + app.getPort();
  }

  protected static Map<String, JsonObject> checksByName(JsonObject health) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
  }

  @Test
  void isReadyWithEveryDependencyUp() {
    HttpJson.Answer answer = HttpJson.get(serverRoot() + "/health/ready");

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    Map<String, JsonObject> checks = checksByName(answer.json());
    assertThat(checks).containsKeys(readinessChecks().toArray(String[]::new));
    checks.values().forEach(check -> assertThat(check.getString("status")).isEqualTo("UP"));
  }

  @Test
  void readinessNamesTheRedisUrlItUses() {
    JsonObject redis =
        checksByName(HttpJson.get(serverRoot() + "/health/ready").json()).get("redis");

    String expected = System.getProperty("it.redis.url", "redis://127.0.0.1:6379") + "/0";
    assertThat(redis.getJsonObject("data").getString("REDIS_URL")).isEqualTo(expected);
  }

  @Test
  void isLiveAndStarted() {
    HttpJson.Answer live = HttpJson.get(serverRoot() + "/health/live");
    HttpJson.Answer started = HttpJson.get(serverRoot() + "/health/started");

    assertThat(live.status()).isEqualTo(200);
    assertThat(checksByName(live.json())).containsKey("threads");
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(checksByName(started.json())).containsKeys(startupChecks().toArray(String[]::new));
  }

  @Test
  void servesPrometheusMetrics() {
    HttpJson.Answer metrics = HttpJson.get(serverRoot() + "/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.text()).contains("# TYPE ").contains("jvm_");
  }

  @Test
  void servesItsOpenApiDocumentAndUi() {
    HttpJson.Answer document = HttpJson.get(serverRoot() + "/openapi?format=JSON");
    HttpJson.Answer ui = HttpJson.get(serverRoot() + "/openapi/ui/");

    assertThat(document.status()).isEqualTo(200);
    assertThat(document.json().getJsonObject("info").getString("title")).isEqualTo(apiTitle());
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).containsIgnoringCase("swagger");
  }

  @Test
  void answersUnknownApiPathsWithProblemJson() {
    HttpJson.Answer answer = HttpJson.get(serverRoot() + "/api/v1/no-such-resource");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonObject problem = answer.json();
    assertThat(problem.getString("type")).isEqualTo("urn:multibot:problem:not-found");
    assertThat(problem.getString("title")).isEqualTo("Not found");
    assertThat(problem.getInt("status")).isEqualTo(404);
    assertThat(problem.getString("instance")).isEqualTo("/api/v1/no-such-resource");
    assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at io.");
  }

  /**
   * The served document passes an independent validator: Redocly CLI's recommended rules with every
   * warning an error (scripts/lint-openapi.sh, the repository's redocly.yaml).
   */
  @Test
  void itsOpenApiDocumentPassesRedoclyWithoutWarnings() throws Exception {
    HttpJson.Answer document = HttpJson.get(serverRoot() + "/openapi?format=JSON");
    java.nio.file.Path file = java.nio.file.Path.of("target", "openapi.json").toAbsolutePath();
    java.nio.file.Files.writeString(file, document.text());

    Process lint =
        new ProcessBuilder(System.getProperty("it.openapi.lint"), file.toString())
            .redirectErrorStream(true)
            .start();
    String output =
        new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(lint.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("Your API description is valid")
        .doesNotContainPattern("You have \\d+ warning");
  }
}
