package io.multibot.common.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the test JVM standing in for a webhook, Slack, Discord or Telegram
 * endpoint: it records every request and answers with the statuses it was told, then 200.
 */
public final class HttpReceiver implements AutoCloseable {

  /** One request as it arrived, with the status it was answered with. */
  public record Received(
      String path,
      Map<String, List<String>> headers,
      String body,
      int status,
      java.time.Instant at) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
  private volatile int otherwise = 200;

  /** Listens on a free port of 127.0.0.1. */
  public HttpReceiver() throws IOException {
    this(0);
  }

  /** Listens on this port of 127.0.0.1 (0: a free one). */
  public HttpReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          Integer next = statuses.pollFirst();
          int status = next == null ? otherwise : next;
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    status,
                    java.time.Instant.now()));
          }
          byte[] answer = ("{\"ok\":" + (status == 200) + "}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  /** The next requests are answered with these statuses, in order. */
  public void answer(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** The status of every request after those given to {@link #answer} (200 at first). */
  public void otherwise(int status) {
    otherwise = status;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /**
   * The hex HMAC-SHA256 of {@code text} under {@code key}, computed with the JDK as a receiver
   * would.
   */
  public static String hmacSha256Hex(String key, String text) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
