package io.multibot.management.platform;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.common.testing.RawHttp;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * One regression test per finding of the hostile-input review (issue 14): each request here was
 * answered with a 5xx, a wrong value or a leak before, and must now be a clean 4xx.
 */
@MicroShedTest
class HostileInputIT {

  private static final String TOO_BIG = "18446744073709551617";
  private static Api admin;
  private static String bot;
  private static String strategy;

  @BeforeAll
  static void aBot() {
    admin = Api.asAdmin();
    strategy = Fixtures.strategy(admin, "Hostile");
    bot = Fixtures.registeredBot(admin, "hostile", strategy);
  }

  private static JsonObjectBuilder bot(String name) {
    return Fixtures.bot(name.substring(0, 20), strategy);
  }

  private static Answer send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        admin
            .request(path)
            .method(
                method,
                body == null
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return io.multibot.common.testing.HttpJson.send(request);
  }

  @Test
  void anUnparseableAcceptIsA400EvenWithoutAToken() {
    Answer login =
        io.multibot.common.testing.HttpJson.send(
            HttpRequest.newBuilder(URI.create(Api.root() + "/auth/login"))
                .header("Accept", "*/*;q=abc")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"username\":\"a\",\"password\":\"b\"}")));

    assertProblem(login, 400, "malformed-request");
  }

  @Test
  void datesOutsideTheDatabasesRangeAre422NamingTheParameter() {
    for (String date :
        List.of(
            "%2B10000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z", "1969-12-31T23:59:59Z")) {
      assertField(admin.get("/commands?since=" + date), "since");
      assertField(admin.get("/audit?from=" + date), "from");
      assertField(admin.get("/audit?to=" + date), "to");
      assertField(admin.get("/bots/" + bot + "/commands?since=" + date), "since");
      assertField(admin.get("/bots/" + bot + "/profit/history?since=" + date), "since");
    }
  }

  @Test
  void aNullOrNonObjectBodyIsA400() {
    for (String body :
        List.of(
            "null",
            "[{\"type\":\"stop\"}]",
            "{\"type\":\"stop\"}{\"type\":\"start\"}",
            "\"stop\"",
            "{\"type\":\"stop\",\"type\":\"start\"}")) {
      assertProblem(
          send("POST", "/bots/" + bot + "/commands", "application/json", body),
          400,
          "malformed-request");
      assertProblem(send("POST", "/users", "application/json", body), 400, "malformed-request");
      assertProblem(
          send("POST", "/commands/bulk", "application/json", body), 400, "malformed-request");
    }
  }

  @Test
  void aNulCharacterInAQueryOrAFieldIsRefusedOnEveryDatabase() {
    assertProblem(admin.get("/bots?tag=%00"), 400, "malformed-request");
    assertProblem(admin.get("/audit?action=a%00b"), 400, "malformed-request");
    assertField(
        send(
            "POST",
            "/users",
            "application/json",
            "{\"username\":\"nul\\u0000user\",\"password\":\"a-long-password-1\","
                + "\"role\":\"viewer\"}"),
        "username");
  }

  @Test
  void bodiesInAnotherCharsetEncodingOrMediaTypeAre415() {
    String stop = "{\"type\":\"stop\"}";
    for (String route : List.of("/bots/" + bot + "/commands", "/bots")) {
      assertProblem(
          send("POST", route, "application/json; charset=bogus", stop),
          415,
          "unsupported-media-type");
      assertProblem(send("POST", route, "text/plain", stop), 415, "unsupported-media-type");
      assertProblem(send("POST", route, "image/png", stop), 415, "unsupported-media-type");
    }
    Answer gzip =
        io.multibot.common.testing.HttpJson.send(
            admin
                .request("/bots/" + bot + "/commands")
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofString(stop)));
    assertProblem(gzip, 415, "unsupported-media-type");
    assertThat(gzip.header("Accept-Encoding")).isEqualTo("identity");
  }

  @Test
  void numbersOutOfTheirFieldsRangeAre422NeverWrapped() {
    String commands = "/bots/" + bot + "/commands";
    assertField(
        send(
            "POST",
            commands,
            "application/json",
            "{\"type\":\"forceexit\",\"tradeId\":" + TOO_BIG + "}"),
        "tradeId");
    assertField(
        send("POST", commands, "application/json", "{\"type\":\"forceexit\",\"tradeId\":1.5}"),
        "tradeId");
    assertField(
        send(
            "POST",
            commands,
            "application/json",
            "{\"type\":\"forceexit\",\"tradeId\":7,\"amount\":1e400}"),
        "amount");
    assertField(
        send(
            "POST",
            commands,
            "application/json",
            "{\"type\":\"forceenter\",\"pair\":\"BTC/EUR\",\"stakeAmount\":1e-400}"),
        "stakeAmount");
    assertField(
        send(
            "POST",
            "/bots",
            "application/json",
            bot("range-" + UUID.randomUUID())
                .add("maxOpenTrades", Long.MAX_VALUE)
                .build()
                .toString()),
        "maxOpenTrades");
    assertField(admin.get("/bots?page=" + TOO_BIG), "page");
    assertField(admin.get("/bots?size=" + TOO_BIG), "size");
    assertThat(admin.get(commands).json().getJsonArray("items")).isEmpty();
  }

  @Test
  void fieldsOfAnotherTypeAre422InsteadOfConverted() {
    Answer number =
        send(
            "POST",
            "/users",
            "application/json",
            "{\"username\":12345,\"password\":\"a-long-password-1\",\"role\":\"viewer\"}");
    assertField(number, "username");
    JsonObject quoted =
        bot("quoted-" + UUID.randomUUID()).add("stakeAmount", "50").add("dryRun", "false").build();
    Answer strings = send("POST", "/bots", "application/json", quoted.toString());
    assertThat(strings.status()).as(strings.text()).isEqualTo(422);
    assertThat(strings.text()).contains("\"dryRun\"");
    assertField(
        send(
            "POST",
            "/bots/" + bot + "/commands",
            "application/json",
            "{\"type\":\"forceenter\",\"pair\":\"BTC/EUR\",\"stakeAmount\":\"50\"}"),
        "stakeAmount");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413() {
    byte[] big =
        ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    Answer answer =
        io.multibot.common.testing.HttpJson.send(
            admin
                .request("/bots")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

    assertProblem(answer, 413, "payload-too-large");
  }

  @Test
  void locationNeverEchoesTheHostHeader() {
    String token = "Bearer " + admin.token();
    String body = bot("host-" + UUID.randomUUID()).build().toString();
    String head =
        "POST /api/v1/bots HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nAuthorization: "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length;
    RawHttp.Answer created =
        RawHttp.send(serverRoot(), head, body.getBytes(StandardCharsets.UTF_8));
    RawHttp.Answer stop =
        RawHttp.request(
            serverRoot(),
            "POST",
            "/api/v1/bots/" + bot + "/stop",
            "Host: evil.example",
            "Authorization: " + token,
            "Content-Length: 0");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).startsWith("/api/v1/bots/").doesNotContain("evil");
    assertThat(stop.status()).as(stop.body()).isEqualTo(202);
    assertThat(stop.header("Location")).startsWith("/api/v1/commands/").doesNotContain("evil");
  }

  @Test
  void aLowerCaseSchemeNameIsToldHowToSendTheToken() {
    String token = admin.token();
    Answer lower =
        io.multibot.common.testing.HttpJson.send(
            HttpRequest.newBuilder(URI.create(Api.root() + "/bots"))
                .header("Authorization", "bearer " + token));

    assertProblem(lower, 401, "unauthorized");
    assertThat(lower.json().getString("detail")).contains("'Bearer'");
    assertThat(lower.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void everyUnauthorizedAnswerCarriesAChallenge() {
    Answer refresh =
        io.multibot.common.testing.HttpJson.post(
            Api.root() + "/auth/refresh", "{\"refresh_token\":\"not-a-token\"}");
    Answer login = Api.loginAnswer("nobody-" + UUID.randomUUID(), "wrong-password-123");

    assertProblem(refresh, 401, "unauthorized");
    assertThat(refresh.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(login, 401, "unauthorized");
    assertThat(login.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void configCannotPointAManagedBotsFilesOutsideItsWorkspace() {
    List<String[]> attempts =
        List.of(
            new String[] {"db_url", "\"sqlite:////tmp/other.sqlite\"", "config.db_url"},
            new String[] {"user_data_dir", "\"/etc\"", "config.user_data_dir"},
            new String[] {"datadir", "\"/var/data\"", "config.datadir"},
            new String[] {"logfile", "\"/tmp/x.log\"", "config.logfile"},
            new String[] {"add_config_files", "[\"/etc/passwd\"]", "config.add_config_files"},
            new String[] {"recursive_strategy_search", "true", "config.recursive_strategy_search"},
            new String[] {
              "freqai", "{\"freqaimodel_path\":\"/x\"}", "config.freqai.freqaimodel_path"
            },
            new String[] {
              "pairlists",
              "[{\"method\":\"RemotePairList\",\"pairlist_url\":\"file:///etc/passwd\"}]",
              "config.pairlists[0].pairlist_url"
            });
    for (String[] attempt : attempts) {
      JsonValue config =
          Json.createReader(new java.io.StringReader("{\"" + attempt[0] + "\":" + attempt[1] + "}"))
              .readObject();
      Answer answer =
          admin.post(
              "/bots", bot("paths-" + UUID.randomUUID()).add("config", config).build().toString());
      assertField(answer, attempt[2]);
    }
  }

  private static String serverRoot() {
    return Api.root().substring(0, Api.root().indexOf("/api/v1"));
  }

  private static void assertField(Answer answer, String field) {
    assertProblem(answer, 422, "validation-failed");
    assertThat(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(error -> error.getString("field"))
        .contains(field);
  }
}
