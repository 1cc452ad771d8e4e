package io.multibot.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * freqtrade's API authentication: HTTP Basic against {@code api_server.username/password}, {@code
 * /token/login} and {@code /token/refresh}, and Bearer access tokens, which take precedence when
 * present.
 */
final class Authenticator {

  private final ApiServerSettings settings;
  private final Tokens tokens;

  Authenticator(ApiServerSettings settings, Tokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  /** {@code POST /token/login} with HTTP Basic credentials; no body. */
  void login(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      ApiServer.send(exchange, 405, ApiServer.detail("Method Not Allowed"));
      return;
    }
    Optional<String> user = basicUser(exchange);
    if (user.isEmpty()) {
      unauthorized(exchange, "Incorrect username or password", "Basic");
      return;
    }
    ApiServer.send(
        exchange,
        200,
        Jsons.createObjectBuilder()
            .add("access_token", tokens.issue(user.get(), "access"))
            .add("refresh_token", tokens.issue(user.get(), "refresh"))
            .build());
  }

  /**
   * {@code POST /token/refresh} with the refresh token as Bearer; the refresh token is not rotated.
   */
  void refresh(HttpExchange exchange) throws IOException {
    Optional<String> user = bearer(exchange).flatMap(token -> tokens.verify(token, "refresh"));
    if (!"POST".equals(exchange.getRequestMethod())) {
      ApiServer.send(exchange, 405, ApiServer.detail("Method Not Allowed"));
    } else if (user.isEmpty()) {
      unauthorized(exchange, "Could not validate credentials", "Bearer");
    } else {
      ApiServer.send(
          exchange,
          200,
          Jsons.createObjectBuilder()
              .add("access_token", tokens.issue(user.get(), "access"))
              .build());
    }
  }

  /** A Bearer header takes precedence and must hold an access token; otherwise HTTP Basic. */
  Optional<String> user(HttpExchange exchange) {
    Optional<String> token = bearer(exchange);
    return token.isPresent() ? tokens.verify(token.get(), "access") : basicUser(exchange);
  }

  private static Optional<String> bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.startsWith("Bearer ")
        ? Optional.of(header.substring(7).strip())
        : Optional.empty();
  }

  private Optional<String> basicUser(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    boolean userOk = same(user, settings.username());
    boolean passwordOk = same(decoded.substring(colon + 1), settings.password());
    return userOk && passwordOk ? Optional.of(user) : Optional.empty();
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  static void unauthorized(HttpExchange exchange, String detail, String scheme) throws IOException {
    exchange.getResponseHeaders().add("WWW-Authenticate", scheme);
    ApiServer.send(exchange, 401, ApiServer.detail(detail));
  }
}
