package io.multibot.common.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** A test's own redis-server process (no persistence) on a free port, to stop and start at will. */
public final class RedisServers {

  private RedisServers() {}

  /** A port nothing listens on now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts redis-server on 127.0.0.1 and this port, without persistence; output discarded. */
  public static Process start(int port) throws IOException {
    return new ProcessBuilder(
            "redis-server",
            "--port",
            String.valueOf(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
