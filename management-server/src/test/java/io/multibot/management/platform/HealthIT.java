package io.multibot.management.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.ServerContract;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class HealthIT extends ServerContract {

  @Override
  protected List<String> readinessChecks() {
    return List.of("redis", "database");
  }

  @Override
  protected List<String> startupChecks() {
    return List.of("configuration", "database-configuration");
  }

  @Override
  protected String apiTitle() {
    return "Multibot management API";
  }

  @Test
  void answersPingWithoutCredentials() {
    HttpJson.Answer pong = HttpJson.get(serverRoot() + "/api/v1/ping");

    assertThat(pong.status()).as(pong.text()).isEqualTo(200);
    assertThat(pong.json().getString("status")).isEqualTo("pong");
  }

  @Test
  void refusesAPingThatAcceptsNoJsonWithProblemJson() {
    HttpJson.Answer refused =
        HttpJson.send(
            HttpRequest.newBuilder(java.net.URI.create(serverRoot() + "/api/v1/ping"))
                .header("Accept", "text/csv")
                .GET());

    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.contentType()).startsWith("application/problem+json");
  }

  /** REST request timers keep count, sum and max but no client-side percentiles (heap). */
  @Test
  void restRequestTimersHaveNoPercentiles() {
    assertThat(HttpJson.get(serverRoot() + "/api/v1/ping").status()).isEqualTo(200);

    String metrics = HttpJson.get(serverRoot() + "/metrics").text();

    assertThat(metrics).contains("REST_request_seconds_count{");
    assertThat(metrics.lines().filter(line -> line.startsWith("REST_request_seconds{")))
        .noneMatch(line -> line.contains("quantile="));
  }
}
