package io.multibot.management.strategy;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** {@code /api/v1/strategies} over real HTTP against the management-server on Derby. */
@MicroShedTest
class StrategyApiIT {

  private final Api admin = Api.asAdmin();

  private static String api() {
    return "/strategies";
  }

  private static String uniqueName() {
    return "Strat" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String source(String name, String body) {
    return "from freqtrade.strategy import IStrategy\n\n\nclass "
        + name
        + "(IStrategy):\n    timeframe = '5m'\n    "
        + body
        + "\n";
  }

  private static String createBody(String name, String source) {
    return Json.createObjectBuilder().add("name", name).add("source", source).build().toString();
  }

  private static String updateBody(String source) {
    return Json.createObjectBuilder().add("source", source).build().toString();
  }

  @Test
  void storesVersionsAndDownloadsAStrategy() {
    String name = uniqueName();
    String first = source(name, "stoploss = -0.10");
    String second = source(name, "stoploss = -0.05");

    Answer created = admin.post(api(), createBody(name, first));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/strategies/" + name);
    assertThat(created.json().getInt("latestVersion")).isEqualTo(1);

    Answer updated = admin.put(api() + "/" + name, updateBody(second), created.header("ETag"));
    assertThat(updated.status()).as(updated.text()).isEqualTo(200);
    assertThat(updated.json().getInt("latestVersion")).isEqualTo(2);
    assertThat(updated.header("ETag")).isNotEqualTo(created.header("ETag"));

    assertThat(admin.get(api() + "/" + name + "/versions").jsonArray()).hasSize(2);
    Answer v1 = admin.get(api() + "/" + name + "/versions/1/source");
    assertThat(v1.text()).isEqualTo(first);
    assertThat(v1.contentType()).startsWith("text/x-python");
    assertThat(v1.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + name + ".py\"");
    assertThat(admin.get(api() + "/" + name + "/source").text()).isEqualTo(second);
  }

  @Test
  void refusesAStaleUpdateWith412() {
    String name = uniqueName();
    Answer created = admin.post(api(), createBody(name, source(name, "a = 1")));
    admin.put(api() + "/" + name, updateBody(source(name, "a = 2")), created.header("ETag"));

    Answer stale =
        admin.put(api() + "/" + name, updateBody(source(name, "a = 3")), created.header("ETag"));

    assertProblem(stale, 412, "precondition-failed");
    assertThat(admin.get(api() + "/" + name).json().getInt("latestVersion")).isEqualTo(2);
  }

  @Test
  void listsInvalidFieldsWith422() {
    String name = uniqueName();

    Answer wrongClass = admin.post(api(), createBody(name, source("SomethingElse", "a = 1")));
    Answer badName = admin.post(api(), createBody("not-a-class", "class X: pass"));

    assertProblem(wrongClass, 422, "validation-failed");
    assertThat(wrongClass.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("source");
    assertProblem(badName, 422, "validation-failed");
    assertThat(badName.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("name");
  }

  @Test
  void refusesADuplicateNameWith409() {
    String name = uniqueName();
    admin.post(api(), createBody(name, source(name, "a = 1")));

    assertProblem(admin.post(api(), createBody(name, source(name, "a = 2"))), 409, "conflict");
  }

  @Test
  void refusesUnknownFieldsMalformedJsonAndWrongMediaTypes() {
    String name = uniqueName();
    JsonObject withExtra =
        Json.createObjectBuilder()
            .add("name", name)
            .add("source", source(name, "a = 1"))
            .add("latestVersion", 7)
            .build();

    Answer unknown = admin.post(api(), withExtra.toString());
    Answer broken = admin.post(api(), "{\"name\": ");
    Answer text =
        HttpJson.send(
            admin
                .request(api())
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello")));

    assertProblem(unknown, 400, "malformed-request");
    assertThat(unknown.json().getString("detail")).contains("latestVersion");
    assertProblem(broken, 400, "malformed-request");
    assertProblem(text, 415, "unsupported-media-type");
  }

  @Test
  void refusesOversizedBodiesWith413() {
    String name = uniqueName();
    String huge = source(name, "x = '" + "a".repeat(2 * 1024 * 1024) + "'");

    assertProblem(admin.post(api(), createBody(name, huge)), 413, "payload-too-large");
  }

  @Test
  void answersUnknownStrategiesAndVersionsWith404() {
    String name = uniqueName();
    admin.post(api(), createBody(name, source(name, "a = 1")));

    assertProblem(admin.get(api() + "/" + uniqueName()), 404, "not-found");
    assertProblem(admin.get(api() + "/" + name + "/versions/9/source"), 404, "not-found");
  }

  @Test
  void deletesAStrategyNoBotUses() {
    String name = uniqueName();
    admin.post(api(), createBody(name, source(name, "a = 1")));

    assertThat(admin.delete(api() + "/" + name).status()).isEqualTo(204);
    assertProblem(admin.get(api() + "/" + name), 404, "not-found");
  }

  @Test
  void pagesThroughTheListWithTotals() {
    for (int i = 0; i < 3; i++) {
      String name = uniqueName();
      admin.post(api(), createBody(name, source(name, "a = 1")));
    }

    JsonObject page = admin.get(api() + "?page=0&size=2").json();
    Answer badSize = admin.get(api() + "?size=1000");

    assertThat(page.getJsonArray("items")).hasSize(2);
    assertThat(page.getInt("totalItems")).isGreaterThanOrEqualTo(3);
    assertThat(page.getInt("totalPages")).isGreaterThanOrEqualTo(2);
    assertProblem(badSize, 422, "validation-failed");
    assertThat(badSize.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("size");
  }
}
