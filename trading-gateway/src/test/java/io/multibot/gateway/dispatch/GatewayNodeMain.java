package io.multibot.gateway.dispatch;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import redis.clients.jedis.RedisClient;

/**
 * A gateway node in a JVM of its own, for tests that kill a gateway instance outright: {@code
 * GatewayNodeMain <redis url> <stream prefix> <partitions> <instance id>}. Prints {@code ready}
 * once the node runs; runs until killed.
 */
public final class GatewayNodeMain {

  private GatewayNodeMain() {}

  public static void main(String[] args) throws InterruptedException {
    RedisConnection connection = new RedisConnection(args[0], Duration.ofSeconds(2));
    RedisClient redis = connection.newClient(Duration.ofSeconds(5), CommandBus.pool(1));
    CommandBus bus = new CommandBus(redis, new StreamNames(args[1], Integer.parseInt(args[2])));
    bus.startNode(args[3], Duration.ofMillis(300), Duration.ofSeconds(30));
    // "ready" on standard output is how the test knows the node runs (not a log line)
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    out.println("ready");
    Thread.currentThread().join();
  }
}
