package io.multibot.management.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The audit log over real HTTP: what it records, what it hides, who may read it. */
@MicroShedTest
class AuditApiIT {

  private final Api admin = Api.asAdmin();

  private JsonObject latest(String query) {
    Answer answer = admin.get("/audit?size=1&" + query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().getJsonArray("items").getJsonObject(0);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void recordsAChangeWithWhoWhatOutcomeAndARedactedSummary() {
    String name = "AuditIt" + UUID.randomUUID().toString().replace("-", "");
    String source = "class " + name + "(IStrategy):\n    password = 'not-a-real-secret'\n";
    Answer created =
        admin.post(
            "/strategies",
            Json.createObjectBuilder().add("name", name).add("source", source).build().toString());
    assertThat(created.status()).isEqualTo(201);

    JsonObject entry =
        latest("action=strategy.create&target=" + encoded("/api/v1/strategies/" + name));

    assertThat(entry.getString("username")).isEqualTo("admin");
    assertThat(entry.getString("role")).isEqualTo("admin");
    assertThat(entry.getInt("outcome")).isEqualTo(201);
    assertThat(entry.getString("clientAddress")).isNotBlank();
    assertThat(entry.getString("summary")).contains(name);
  }

  @Test
  void recordsRefusalsAndNeverTheSecretsOrPasswordsSent() {
    String secret = "audit-secret-" + UUID.randomUUID();
    String bot = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject invalid =
        Json.createObjectBuilder()
            .add("name", bot)
            .add("secrets", Json.createObjectBuilder().add("exchangeSecret", secret))
            .build();
    assertThat(admin.post("/bots", invalid.toString()).status()).isEqualTo(422);
    assertThat(Api.loginAnswer("admin", secret).status()).isEqualTo(401);

    JsonObject refused = latest("action=bot.create&user=admin");
    JsonObject failedLogin = latest("action=auth.login");

    assertThat(refused.getInt("outcome")).isEqualTo(422);
    assertThat(refused.getString("summary")).contains(bot).contains("***").doesNotContain(secret);
    assertThat(failedLogin.getInt("outcome")).isEqualTo(401);
    assertThat(failedLogin.getString("summary")).contains("admin").doesNotContain(secret);
    assertThat(admin.get("/audit?size=100").text()).doesNotContain(secret);
  }

  @Test
  void recordsRequestsRejectedBeforeTheyReachTheApi() {
    Api viewer = Api.withRole("viewer");
    String target = "/bots/never-" + UUID.randomUUID();
    assertThat(viewer.delete(target).status()).isEqualTo(403);

    JsonObject entry = latest("action=rejected.delete&target=" + encoded("/api/v1" + target));

    assertThat(entry.getInt("outcome")).isEqualTo(403);
    assertThat(entry.getString("target")).isEqualTo("/api/v1" + target);
  }

  @Test
  void onlyAdminsReadItAndQueriesAreValidated() {
    assertThat(Api.withRole("operator").get("/audit").status()).isEqualTo(403);
    Answer badRange = admin.get("/audit?from=yesterday");

    assertThat(badRange.status()).isEqualTo(422);
    assertThat(badRange.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("from");
  }
}
