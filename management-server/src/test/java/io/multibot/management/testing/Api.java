package io.multibot.management.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.microshed.testing.ApplicationEnvironment;

/**
 * The management API as one signed-in user sees it, over real HTTP. {@link #asAdmin()} signs in as
 * the initial admin the test servers create from {@code it.admin.password}; {@link #withRole}
 * creates a fresh user of a role and signs in as them.
 */
public final class Api {

  private final String token;

  private Api(String token) {
    this.token = token;
  }

  public static String root() {
    URI app = URI.create(ApplicationEnvironment.Resolver.load().getApplicationURL());
    return app.getScheme() + "://" + app.getHost() + ":" + app.getPort() + "/api/v1";
  }

  public static Api anonymous() {
    return new Api(null);
  }

  public static Api asAdmin() {
    return new Api(login("admin", System.getProperty("it.admin.password")));
  }

  /** A new user with this role who has already changed the initial password. */
  public static Api withRole(String role) {
    String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    String initial = "initial-" + UUID.randomUUID();
    String chosen = "chosen-" + UUID.randomUUID();
    Answer created =
        asAdmin()
            .post(
                "/users",
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("password", initial)
                    .add("role", role)
                    .build()
                    .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    Api firstLogin = new Api(login(username, initial));
    Answer changed =
        firstLogin.post(
            "/auth/password",
            Json.createObjectBuilder()
                .add("currentPassword", initial)
                .add("newPassword", chosen)
                .build()
                .toString());
    assertThat(changed.status()).as(changed.text()).isEqualTo(204);
    return new Api(login(username, chosen));
  }

  public static Answer loginAnswer(String username, String password) {
    String url = root() + "/auth/login";
    return Contract.checked(
        "POST",
        URI.create(url),
        HttpJson.post(
            url,
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString()));
  }

  public static String login(String username, String password) {
    Answer answer = loginAnswer(username, password);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().getString("access_token");
  }

  /** This user's access token. */
  public String token() {
    return token;
  }

  /**
   * Reads {@code path} every 100 ms until it answers 200 with a body that meets {@code condition}
   * (15 s at most), and returns that body.
   */
  public JsonObject await(String path, java.util.function.Predicate<JsonObject> condition)
      throws InterruptedException {
    JsonObject last = null;
    for (int i = 0; i < 150; i++) {
      Answer answer = get(path);
      if (answer.status() == 200) {
        last = answer.json();
        if (condition.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(path + " did not meet the condition within 15 s; last: " + last);
  }

  public Answer get(String path) {
    URI uri = URI.create(root() + path);
    return Contract.checked("GET", uri, HttpJson.send(auth(HttpRequest.newBuilder(uri)).GET()));
  }

  public Answer post(String path, String json) {
    return Contract.checked(
        "POST",
        URI.create(root() + path),
        HttpJson.send(
            auth(HttpJson.json(root() + path))
                .POST(json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json))));
  }

  public Answer put(String path, String json, String ifMatch) {
    HttpRequest.Builder request =
        auth(HttpJson.json(root() + path)).PUT(BodyPublishers.ofString(json));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return Contract.checked("PUT", URI.create(root() + path), HttpJson.send(request));
  }

  public Answer delete(String path) {
    URI uri = URI.create(root() + path);
    return Contract.checked(
        "DELETE", uri, HttpJson.send(auth(HttpRequest.newBuilder(uri)).DELETE()));
  }

  /** A request builder for a path of the API, with this user's token. */
  public HttpRequest.Builder request(String path) {
    return auth(HttpRequest.newBuilder(URI.create(root() + path)));
  }

  private HttpRequest.Builder auth(HttpRequest.Builder request) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }
}
