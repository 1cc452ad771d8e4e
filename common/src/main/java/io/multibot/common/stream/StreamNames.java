package io.multibot.common.stream;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The Redis keys of the command cycle, in one place.
 *
 * <ul>
 *   <li>{@code multibot:commands:<p>} — ordinary commands, partition {@code p} of {@link
 *       #partitions()} by bot id; group {@value #GATEWAY_GROUP}. One gateway instance at a time
 *       owns a partition (lease {@code multibot:lease:commands:<p>}), so one bot's commands run in
 *       order.
 *   <li>{@code multibot:commands:priority} — the kill switch's lane, read by every gateway in its
 *       own thread so that no backlog delays it.
 *   <li>{@code multibot:results} — RUNNING and final results; group {@value #MANAGEMENT_GROUP}.
 *   <li>{@code multibot:dead-letter} — entries no gateway could run, with the reason.
 *   <li>{@code multibot:done:<commandId>} — set with the result, so a command acts once.
 * </ul>
 *
 * Streams are trimmed approximately to {@link #MAX_LENGTH} entries when written.
 */
public record StreamNames(int partitions) {

  public static final String GATEWAY_GROUP = "gateways";
  public static final String MANAGEMENT_GROUP = "management";
  public static final long MAX_LENGTH = 100_000;
  public static final String PRIORITY = "multibot:commands:priority";
  public static final String RESULTS = "multibot:results";
  public static final String DEAD_LETTER = "multibot:dead-letter";
  public static final String GATEWAYS = "multibot:gateways";

  public StreamNames {
    if (partitions < 1 || partitions > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024");
    }
  }

  public String commands(int partition) {
    return "multibot:commands:" + partition;
  }

  public String lease(int partition) {
    return "multibot:lease:commands:" + partition;
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

  public static String done(String commandId) {
    return "multibot:done:" + commandId;
  }
}
