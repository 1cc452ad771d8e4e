package io.multibot.gateway.dispatch;

import java.time.Duration;

/**
 * How a gateway instance consumes commands.
 *
 * @param instanceId this instance's consumer name (unique per running gateway)
 * @param partitions how many command partitions exist (the same on every service)
 * @param block how long one stream read waits for entries
 * @param leaseTtl how long a partition lease lives without renewal (renewed every third of it)
 * @param claimIdle how long another consumer's pending entry must be idle before it is reclaimed:
 *     longer than the longest legitimate bot call
 * @param maxDeliveries deliveries after which an entry is poison and dead-lettered
 * @param doneTtl how long a command's done-marker is kept
 * @param attempts attempts at a bot call that failed transiently (unreachable, timed out)
 * @param backoff the wait before the second attempt, doubled for each next one
 */
public record DispatchSettings(
    String instanceId,
    int partitions,
    Duration block,
    Duration leaseTtl,
    Duration claimIdle,
    int maxDeliveries,
    Duration doneTtl,
    int attempts,
    Duration backoff) {}
