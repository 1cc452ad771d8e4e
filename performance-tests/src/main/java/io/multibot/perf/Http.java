package io.multibot.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management API as the cycle benchmark calls it: JSON in, text out, signed in as one user. An
 * access token lives 15 minutes and a long run outlives one, so the token is renewed by signing in
 * again once it is {@link #RENEW_AFTER} old.
 */
final class Http {

  static final Duration RENEW_AFTER = Duration.ofMinutes(10);
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  /** An answer: its status and body. */
  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  // HTTP/1.1, as curl, scripts, browsers and probes speak plain http: the JDK's default would ask
  // for an h2c upgrade and, where granted, multiplex every request over one connection
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final String user;
  private final String password;
  private volatile String token;
  private volatile long signedInAt;

  private Http(URI base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  static Http signIn(URI base, String user, String password)
      throws IOException, InterruptedException {
    Http api = new Http(base, user, password);
    api.renew();
    return api;
  }

  private synchronized void renew() throws IOException, InterruptedException {
    Http anonymous = new Http(base, null, null);
    Answer answer =
        anonymous.post(
            "/api/v1/auth/login",
            "{\"username\": " + quote(user) + ", \"password\": " + quote(password) + "}");
    Matcher matcher = TOKEN.matcher(answer.body());
    if (answer.status() != 200 || !matcher.find()) {
      throw new IOException("sign-in as " + user + " failed: HTTP " + answer.status());
    }
    token = matcher.group(1);
    signedInAt = System.nanoTime();
  }

  /** The current token, renewed first when it is old (one renewal however many callers ask). */
  String token() {
    if (user != null && System.nanoTime() - signedInAt > RENEW_AFTER.toNanos()) {
      synchronized (this) {
        if (System.nanoTime() - signedInAt > RENEW_AFTER.toNanos()) {
          try {
            renew();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing in again", e);
          }
        }
      }
    }
    return token;
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send(withBody(path, json));
  }

  CompletableFuture<Answer> postAsync(String path, String json) {
    return client
        .sendAsync(withBody(path, json), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.body()));
  }

  private HttpRequest withBody(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (user != null && path.startsWith("/api/")) {
      request.header("Authorization", "Bearer " + token());
    }
    return request;
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The first string member {@code name} of a JSON text (enough for ids and states). */
  static String member(String json, String name) {
    Matcher matcher =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : null;
  }
}
