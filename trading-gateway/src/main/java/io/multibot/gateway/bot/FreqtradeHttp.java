package io.multibot.gateway.bot;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP to a bot's freqtrade API with freqtrade's sign-in: HTTP Basic at {@code /token/login}, the
 * access token renewed through {@code /token/refresh} before its 15 minutes run out, one new
 * sign-in after a 401, and HTTP Basic on every call for bots without token routes. Answers become
 * {@link FreqtradeResult}s.
 */
final class FreqtradeHttp {

  /** freqtrade's access tokens live 15 minutes; renew a little before. */
  static final Duration RENEW_AFTER = Duration.ofMinutes(12);

  private final HttpClient http;
  private final Clock clock;
  private final Duration readTimeout;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong logins = new AtomicLong();
  private final AtomicLong refreshes = new AtomicLong();

  /** Tokens for one bot and when they were obtained; {@code basic} for bots without tokens. */
  private record Session(String access, String refresh, Instant obtained, boolean basic) {}

  FreqtradeHttp(Clock clock, Duration connectTimeout, Duration readTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.clock = clock;
    this.readTimeout = readTimeout;
  }

  /** One call; {@code body} is JSON or null. */
  FreqtradeResult<JsonValue> call(BotEndpoint bot, String method, String route, JsonValue body) {
    try {
      Session session = session(bot);
      HttpResponse<String> response = send(bot, method, route, authorization(bot, session), body);
      if (response.statusCode() == 401 && !session.basic()) {
        sessions.remove(bot.key());
        response = send(bot, method, route, authorization(bot, session(bot)), body);
      }
      return result(response);
    } catch (AuthFailure e) {
      return new FreqtradeResult.AuthFailed<>(e.getMessage());
    } catch (IOException e) {
      return failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FreqtradeResult.Unreachable<>("interrupted");
    }
  }

  private Session session(BotEndpoint bot) throws IOException, InterruptedException {
    Session current = sessions.get(bot.key());
    Instant now = clock.instant();
    if (current != null
        && (current.basic() || now.isBefore(current.obtained().plus(RENEW_AFTER)))) {
      return current;
    }
    Session renewed = current == null ? null : refresh(bot, current);
    Session session = renewed != null ? renewed : login(bot);
    sessions.put(bot.key(), session);
    return session;
  }

  private Session login(BotEndpoint bot) throws IOException, InterruptedException {
    logins.incrementAndGet();
    HttpResponse<String> response = send(bot, "POST", "token/login", basic(bot), null);
    if (response.statusCode() == 404) {
      return new Session(null, null, clock.instant(), true);
    }
    if (response.statusCode() == 401) {
      throw new AuthFailure(detail(response.body()));
    }
    if (response.statusCode() != 200) {
      throw new IOException("sign-in answered HTTP " + response.statusCode());
    }
    JsonObject tokens = parse(response.body()).asJsonObject();
    return new Session(
        tokens.getString("access_token"),
        tokens.getString("refresh_token"),
        clock.instant(),
        false);
  }

  /** A new access token from the refresh token (freqtrade does not rotate it); null if refused. */
  private Session refresh(BotEndpoint bot, Session current)
      throws IOException, InterruptedException {
    refreshes.incrementAndGet();
    HttpResponse<String> response =
        send(bot, "POST", "token/refresh", "Bearer " + current.refresh(), null);
    if (response.statusCode() != 200) {
      return null;
    }
    return new Session(
        parse(response.body()).asJsonObject().getString("access_token"),
        current.refresh(),
        clock.instant(),
        false);
  }

  private HttpResponse<String> send(
      BotEndpoint bot, String method, String route, String authorization, JsonValue body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(bot.route(route))
            .timeout(readTimeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String authorization(BotEndpoint bot, Session session) {
    return session.basic() ? basic(bot) : "Bearer " + session.access();
  }

  private static String basic(BotEndpoint bot) {
    String pair = bot.username() + ":" + bot.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static FreqtradeResult<JsonValue> result(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      JsonValue body = parse(response.body());
      return body == null
          ? new FreqtradeResult.Refused<>(status, "the bot's answer is not JSON")
          : new FreqtradeResult.Success<>(body);
    }
    if (status == 401) {
      return new FreqtradeResult.AuthFailed<>(detail(response.body()));
    }
    if (status == 429) {
      return new FreqtradeResult.RateLimited<>(retryAfter(response), "the bot answered 429");
    }
    return new FreqtradeResult.Refused<>(status, detail(response.body()));
  }

  private static Duration retryAfter(HttpResponse<String> response) {
    try {
      return Duration.ofSeconds(
          response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(60L));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }

  private FreqtradeResult<JsonValue> failure(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return new FreqtradeResult.TimedOut<>(readTimeout);
    }
    String reason =
        e instanceof ConnectException
            ? "connection refused"
            : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new FreqtradeResult.Unreachable<>(reason);
  }

  /** freqtrade's error text: FastAPI's {@code detail}, or an RPC error's {@code error}. */
  static String detail(String body) {
    if (parse(body) instanceof JsonObject json) {
      for (String key : new String[] {"detail", "error", "status"}) {
        if (json.get(key) instanceof JsonString text) {
          return text.getString();
        }
      }
      if (json.get("detail") != null) {
        return json.get("detail").toString();
      }
    }
    return body.length() > 200 ? body.substring(0, 200) : body;
  }

  private static JsonValue parse(String body) {
    try (JsonReader reader = Jsons.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
  }

  long logins() {
    return logins.get();
  }

  long refreshes() {
    return refreshes.get();
  }

  void forget(BotEndpoint bot) {
    sessions.remove(bot.key());
  }

  /** The bot refused our credentials at sign-in. */
  private static final class AuthFailure extends IOException {
    private static final long serialVersionUID = 1L;

    AuthFailure(String message) {
      super(message);
    }
  }
}
