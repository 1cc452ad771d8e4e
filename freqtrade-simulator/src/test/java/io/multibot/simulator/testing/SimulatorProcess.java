package io.multibot.simulator.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A simulated freqtrade bot run as a child process on a free loopback port, for tests of anything
 * that talks to bots. Shipped in the simulator's test jar; the jar to run is the system property
 * {@code simulator.jar}.
 */
public final class SimulatorProcess implements AutoCloseable {

  public static final String USERNAME = "freqtrader";
  public static final String PASSWORD = "simulated-password";

  /** The {@code Authorization} header value for {@link #USERNAME} and {@link #PASSWORD}. */
  public static final String AUTHORIZATION =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(
                  (USERNAME + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private final Process process;
  private final int port;
  private final ProcessBuilder builder;

  private SimulatorProcess(Process process, int port, ProcessBuilder builder) {
    this.process = process;
    this.port = port;
    this.builder = builder;
  }

  /**
   * Starts a bot whose config is {@code extraConfig} (JSON members without braces, may be empty)
   * plus an enabled API server with {@link #USERNAME} and {@link #PASSWORD}, and waits until it
   * listens.
   */
  public static SimulatorProcess start(
      Path dir, String extraConfig, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    int port = freePort();
    String members = extraConfig.isBlank() ? "" : extraConfig + ", ";
    Path config =
        Files.writeString(
            dir.resolve("config-" + port + ".json"),
            "{"
                + members
                + "\"api_server\": {\"enabled\": true, \"listen_ip_address\": \"127.0.0.1\","
                + " \"listen_port\": "
                + port
                + ", \"username\": \""
                + USERNAME
                + "\","
                + " \"password\": \""
                + PASSWORD
                + "\", \"jwt_secret_key\": \"test-secret\"}}");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("simulator.jar"),
                "trade",
                "--config",
                config.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return launch(builder, port);
  }

  private static SimulatorProcess launch(ProcessBuilder builder, int port)
      throws IOException, InterruptedException {
    SimulatorProcess simulator = new SimulatorProcess(builder.start(), port, builder);
    simulator.awaitListening();
    return simulator;
  }

  /**
   * The same bot started again (same config, same port) after this one has exited, as a supervisor
   * would restart it.
   */
  public SimulatorProcess restart() throws IOException, InterruptedException {
    return restart(Map.of());
  }

  /** Restarts the bot with more environment variables, such as a new {@code FREQTRADE__...}. */
  public SimulatorProcess restart(Map<String, String> env)
      throws IOException, InterruptedException {
    close();
    builder.environment().putAll(env);
    return launch(builder, port);
  }

  /** Kills the bot at once (SIGKILL), as a crash would end it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The process's exit code, once it has exited. */
  public int exitCode() throws InterruptedException {
    return process.waitFor();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!listening()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IOException("the simulator did not start listening on port " + port);
      }
      Thread.sleep(100);
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  /** A request to one of the bot's API routes ({@code count}, {@code trade/3}), signed in. */
  public java.net.http.HttpRequest.Builder request(String route) {
    return java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/" + route))
        .header("Authorization", AUTHORIZATION);
  }

  /** The bot's base URL, such as {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops the bot as a supervisor would (SIGTERM) and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }
}
