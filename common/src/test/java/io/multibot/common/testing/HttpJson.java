package io.multibot.common.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small real-HTTP client for black-box tests of a running server: status, type and JSON body. */
public final class HttpJson {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpJson() {}

  /** One answer: status code, content type and body (parsed when it is a JSON object). */
  public record Answer(int status, String contentType, String text) {
    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        return reader.readObject();
      }
    }
  }

  public static Answer get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  public static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      return new Answer(response.statusCode(), type, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
