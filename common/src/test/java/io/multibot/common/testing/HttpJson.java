package io.multibot.common.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small real-HTTP client for black-box tests of a running server: status, headers and JSON. */
public final class HttpJson {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String JSON = "application/json";

  private HttpJson() {}

  /** One answer: status code, headers and body (parsed on demand). */
  public record Answer(int status, HttpHeaders headers, String text) {
    public String contentType() {
      return header("Content-Type");
    }

    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readObject();
      }
    }

    public JsonArray jsonArray() {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readArray();
      }
    }
  }

  public static Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public static Answer post(String url, String json) {
    return send(json(url).POST(BodyPublishers.ofString(json)));
  }

  public static Answer put(String url, String json, String ifMatch) {
    HttpRequest.Builder request = json(url).PUT(BodyPublishers.ofString(json));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  public static Answer delete(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
  }

  /** A request builder for {@code url} that sends and accepts JSON. */
  public static HttpRequest.Builder json(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", JSON)
        .header("Accept", JSON + ", application/problem+json");
  }

  public static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
