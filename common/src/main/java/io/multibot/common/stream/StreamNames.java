package io.multibot.common.stream;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The Redis keys of the command cycle, in one place, all under a prefix ({@code multibot} by
 * default; separate prefixes let several systems, or tests, share one Redis).
 *
 * <ul>
 *   <li>{@code <prefix>:commands:<p>} — ordinary commands, partition {@code p} of {@link
 *       #partitions()} by bot id; group {@value #GATEWAY_GROUP}. One gateway instance at a time
 *       owns a partition (lease {@code <prefix>:lease:commands:<p>}), so one bot's commands run in
 *       order.
 *   <li>{@code <prefix>:commands:priority} — the kill switch's lane, read by every gateway in its
 *       own thread so that no backlog delays it.
 *   <li>{@code <prefix>:results} — RUNNING and final results; group {@value #MANAGEMENT_GROUP}.
 *   <li>{@code <prefix>:dead-letter} — entries no gateway could run, with the reason.
 *   <li>{@code <prefix>:done:<commandId>} — set with the result, so a command acts once.
 *   <li>{@code <prefix>:publishing:<botId>} — held by the one management replica publishing the
 *       bot's commands, which keeps them in order.
 *   <li>{@code <prefix>:epoch} — a counter every command publish increments; missing, or lower than
 *       management saw, it means Redis lost data (restarted empty, or a failover or a kill lost the
 *       tail), and management heals what was lost.
 * </ul>
 *
 * Streams are trimmed approximately to {@link #MAX_LENGTH} entries when written.
 */
public record StreamNames(String prefix, int partitions) {

  public static final String GATEWAY_GROUP = "gateways";
  public static final String MANAGEMENT_GROUP = "management";
  public static final long MAX_LENGTH = 100_000;

  public StreamNames {
    if (partitions < 1 || partitions > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024");
    }
    if (prefix == null || !prefix.matches("[A-Za-z0-9_.-]{1,50}")) {
      throw new IllegalArgumentException("the stream prefix must be 1-50 letters, digits, _ . -");
    }
  }

  public String commands(int partition) {
    return prefix + ":commands:" + partition;
  }

  public String lease(int partition) {
    return prefix + ":lease:commands:" + partition;
  }

  public String priority() {
    return prefix + ":commands:priority";
  }

  public String results() {
    return prefix + ":results";
  }

  /** Bot status polls and process events, gateways → management (group {@code management}). */
  public String status() {
    return prefix + ":status";
  }

  /** The external bots of a partition: bot id → encrypted API address (written by management). */
  public String external(int partition) {
    return prefix + ":external:" + partition;
  }

  public String deadLetter() {
    return prefix + ":dead-letter";
  }

  /** The live gateway instances: a sorted set scored by their last heartbeat. */
  public String gateways() {
    return prefix + ":gateways";
  }

  /**
   * Set (for an hour) by a gateway that leaves cleanly, so that its absence from {@link
   * #gateways()} is not taken for a loss.
   */
  public String gatewayLeft(String instance) {
    return prefix + ":gateway-left:" + instance;
  }

  /**
   * Taken (SET NX) by the management replica that tells of a gateway's loss since {@code
   * lastSeenMillis}, so that it is told once whatever the replicas.
   */
  public String gatewayLost(String instance, long lastSeenMillis) {
    return prefix + ":gateway-lost:" + instance + ":" + lastSeenMillis;
  }

  /** The partition of a bot: stable for a bot id and a partition count. */
  public int partitionOf(String botId) {
    CRC32 crc = new CRC32();
    crc.update(botId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % partitions);
  }

  /** The stream a bot's ordinary command goes to. */
  public String commandsFor(String botId) {
    return commands(partitionOf(botId));
  }

  /** The managed bots of a partition that should run: bot id → encrypted launch spec (a hash). */
  public String managed(int partition) {
    return prefix + ":managed:" + partition;
  }

  /** Which gateway instance runs each managed bot of a partition now: bot id → instance. */
  public String runners(int partition) {
    return prefix + ":managed:" + partition + ":runners";
  }

  public String done(String commandId) {
    return prefix + ":done:" + commandId;
  }

  /** The lock of the management replica publishing a bot's commands (see the class comment). */
  public String publishing(String botId) {
    return prefix + ":publishing:" + botId;
  }

  /** The marker whose absence says Redis lost its data. */
  public String epoch() {
    return prefix + ":epoch";
  }
}
