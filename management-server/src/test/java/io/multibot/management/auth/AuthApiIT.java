package io.multibot.management.auth;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Sign-in, tokens, roles and user administration over real HTTP. */
@MicroShedTest
class AuthApiIT {

  private static String user(String username, String password, String role) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", password)
        .add("role", role)
        .build()
        .toString();
  }

  private static String refresh(String token) {
    return Json.createObjectBuilder().add("refresh_token", token).build().toString();
  }

  @Test
  void signsInWithTokensAndSaysWhoIAm() {
    Answer login = Api.loginAnswer("admin", System.getProperty("it.admin.password"));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Cache-Control")).contains("no-store");
    JsonObject tokens = login.json();
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    assertThat(tokens.getInt("expires_in")).isEqualTo(900);
    assertThat(tokens.getString("access_token").split("\\.")).hasSize(3);
    assertThat(tokens.getString("refresh_token")).isNotBlank();

    JsonObject me = Api.asAdmin().get("/auth/me").json();
    assertThat(me.getString("username")).isEqualTo("admin");
    assertThat(me.getString("role")).isEqualTo("admin");
    assertThat(me.toString()).doesNotContainIgnoringCase("hash");
  }

  @Test
  void refusesWrongCredentialsAndMissingOrForgedTokens() {
    Answer wrong = Api.loginAnswer("admin", "not-the-password");
    Answer nobody = Api.loginAnswer("nobody-" + UUID.randomUUID(), "whatever-password");
    Answer anonymous = Api.anonymous().get("/bots");
    String token = Api.login("admin", System.getProperty("it.admin.password"));
    String forged =
        token.substring(0, token.lastIndexOf('.') + 1)
            + "AAAA"
            + token.substring(token.lastIndexOf('.') + 5);
    Answer tampered =
        HttpJson.send(
            HttpRequest.newBuilder(URI.create(Api.root() + "/bots"))
                .header("Authorization", "Bearer " + forged)
                .GET());

    assertProblem(wrong, 401, "unauthorized");
    assertProblem(nobody, 401, "unauthorized");
    assertThat(wrong.json().getString("detail")).isEqualTo(nobody.json().getString("detail"));
    assertProblem(anonymous, 401, "unauthorized");
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    assertProblem(tampered, 401, "unauthorized");
  }

  @Test
  void throttlesRepeatedFailuresForAUser() {
    String username = "victim-" + UUID.randomUUID().toString().substring(0, 8);
    Api.asAdmin().post("/users", user(username, "correct-horse-battery", "viewer"));
    for (int i = 0; i < 5; i++) {
      assertThat(Api.loginAnswer(username, "wrong-guess-" + i).status()).isEqualTo(401);
    }

    Answer throttled = Api.loginAnswer(username, "correct-horse-battery");

    assertProblem(throttled, 429, "too-many-requests");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
  }

  @Test
  void rotatesRefreshTokensAndRevokesAStolenFamily() {
    JsonObject first = Api.loginAnswer("admin", System.getProperty("it.admin.password")).json();
    Answer rotated =
        HttpJson.post(Api.root() + "/auth/refresh", refresh(first.getString("refresh_token")));
    assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
    String second = rotated.json().getString("refresh_token");

    Answer replay =
        HttpJson.post(Api.root() + "/auth/refresh", refresh(first.getString("refresh_token")));
    Answer afterReplay = HttpJson.post(Api.root() + "/auth/refresh", refresh(second));

    assertProblem(replay, 401, "unauthorized");
    assertProblem(afterReplay, 401, "unauthorized");
  }

  @Test
  void theConsolesRefreshTokenIsAnHttpOnlyCookieForTheRefreshRouteOnly() {
    Answer login =
        HttpJson.post(
            Api.root() + "/auth/login?session=cookie",
            Json.createObjectBuilder()
                .add("username", "admin")
                .add("password", System.getProperty("it.admin.password"))
                .build()
                .toString());
    assertThat(login.status()).as(login.text()).isEqualTo(200);
    assertThat(login.json().containsKey("refresh_token")).isFalse();
    assertThat(login.json().getString("access_token")).isNotBlank();
    String cookie = login.header("Set-Cookie");
    assertThat(cookie)
        .startsWith("multibot_refresh=")
        .containsIgnoringCase("Path=/api/v1/auth/refresh")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("Secure")
        .containsIgnoringCase("SameSite=Strict")
        .containsIgnoringCase("Max-Age=604800");
    String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

    Answer rotated = refreshByCookie(token, "POST");
    assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
    assertThat(rotated.json().containsKey("refresh_token")).isFalse();
    assertThat(rotated.header("Cache-Control")).contains("no-store");
    String next = rotated.header("Set-Cookie");
    String nextToken = next.substring(next.indexOf('=') + 1, next.indexOf(';'));
    assertThat(nextToken).isNotBlank().isNotEqualTo(token);

    Answer signedOut = refreshByCookie(nextToken, "DELETE");
    assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(204);
    assertThat(signedOut.header("Set-Cookie"))
        .startsWith("multibot_refresh=;")
        .contains("Max-Age=0");
    assertProblem(refreshByCookie(nextToken, "POST"), 401, "unauthorized");
    assertProblem(refreshByCookie(token, "POST"), 401, "unauthorized");
  }

  @Test
  void signingOutWithAnUnknownTokenOrNoneIsNotAnError() {
    assertThat(refreshByCookie("never-issued", "DELETE").status()).isEqualTo(204);
    Answer none =
        HttpJson.send(
            HttpJson.json(Api.root() + "/auth/refresh")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(none.status()).as(none.text()).isEqualTo(204);
    Answer bodyToken =
        HttpJson.send(
            HttpJson.json(Api.root() + "/auth/refresh")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(refresh("never-issued"))));
    assertThat(bodyToken.status()).as(bodyToken.text()).isEqualTo(204);
    assertProblem(HttpJson.post(Api.root() + "/auth/refresh", "{}"), 401, "unauthorized");
  }

  @Test
  void aScriptSignsOutWithTheRefreshTokenInTheBody() {
    String token =
        Api.loginAnswer("admin", System.getProperty("it.admin.password"))
            .json()
            .getString("refresh_token");

    Answer signedOut =
        HttpJson.send(
            HttpJson.json(Api.root() + "/auth/refresh")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(refresh(token))));

    assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(204);
    assertProblem(HttpJson.post(Api.root() + "/auth/refresh", refresh(token)), 401, "unauthorized");
  }

  private static Answer refreshByCookie(String token, String method) {
    return HttpJson.send(
        HttpJson.json(Api.root() + "/auth/refresh")
            .header("Cookie", "multibot_refresh=" + token)
            .method(method, HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void newUsersMustChangeTheirPasswordFirst() {
    String username = "newbie-" + UUID.randomUUID().toString().substring(0, 8);
    Api.asAdmin().post("/users", user(username, "initial-password-123", "operator"));

    Answer login = Api.loginAnswer(username, "initial-password-123");
    assertThat(login.json().getBoolean("password_change_required")).isTrue();
    String token = login.json().getString("access_token");
    Answer blocked =
        HttpJson.send(
            HttpRequest.newBuilder(URI.create(Api.root() + "/bots"))
                .header("Authorization", "Bearer " + token)
                .GET());

    assertProblem(blocked, 403, "forbidden");
    assertThat(blocked.json().getString("detail")).contains("Change your password first");
  }

  @Test
  void enforcesRolesPerEndpoint() {
    Api viewer = Api.withRole("viewer");
    Api operator = Api.withRole("operator");

    assertThat(viewer.get("/bots").status()).isEqualTo(200);
    assertProblem(viewer.post("/strategies", "{}"), 403, "forbidden");
    assertProblem(operator.delete("/bots/some-bot"), 403, "forbidden");
    assertProblem(operator.get("/users"), 403, "forbidden");
  }

  @Test
  void administersUsersButNotThemselvesAway() {
    Api admin = Api.asAdmin();
    String username = "ops-" + UUID.randomUUID().toString().substring(0, 8);

    Answer created = admin.post("/users", user(username, "a-long-initial-pass", "operator"));
    Answer weak = admin.post("/users", user("weak-" + username, "short", "viewer"));
    Answer duplicate = admin.post("/users", user(username, "a-long-initial-pass", "operator"));
    Answer promoted =
        admin.put(
            "/users/" + username,
            Json.createObjectBuilder().add("role", "admin").build().toString(),
            created.header("ETag"));
    Answer deleteSelf = admin.delete("/users/admin");

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.text()).doesNotContain("a-long-initial-pass");
    assertProblem(weak, 422, "validation-failed");
    assertProblem(duplicate, 409, "conflict");
    assertThat(promoted.json().getString("role")).isEqualTo("admin");
    assertProblem(deleteSelf, 422, "validation-failed");
    assertThat(admin.delete("/users/" + username).status()).isEqualTo(204);
  }

  @Test
  void revokedAccessEndsWithinSeconds() {
    Api admin = Api.asAdmin();
    Api demoted = Api.withRole("operator");
    Api disabled = Api.withRole("operator");
    Api deleted = Api.withRole("operator");
    Api reset = Api.withRole("operator");
    Api untouched = Api.withRole("operator");
    assertThat(demoted.get("/auth/me").status()).isEqualTo(200);

    change(admin, demoted, Json.createObjectBuilder().add("role", "viewer"));
    change(
        admin, disabled, Json.createObjectBuilder().add("role", "operator").add("enabled", false));
    change(
        admin,
        reset,
        Json.createObjectBuilder()
            .add("role", "operator")
            .add("password", "a-new-long-password-1"));
    assertThat(admin.delete("/users/" + name(deleted)).status()).isEqualTo(204);

    for (Api revoked : List.of(demoted, disabled, reset, deleted)) {
      Answer answer = revoked.get("/bots");
      assertProblem(answer, 401, "unauthorized");
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(answer.json().getString("detail")).contains("revoked");
    }
    assertThat(untouched.get("/bots").status()).isEqualTo(200);
    assertThat(admin.get("/bots").status()).isEqualTo(200);
  }

  private static String name(Api user) {
    return user.get("/auth/me").json().getString("username");
  }

  private static void change(Api admin, Api user, jakarta.json.JsonObjectBuilder update) {
    String username = name(user);
    Answer current = admin.get("/users/" + username);
    Answer changed =
        admin.put("/users/" + username, update.build().toString(), current.header("ETag"));
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
  }
}
