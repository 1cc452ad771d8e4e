/**
 * Management's Redis plumbing, shared by the features: the stream names and client ({@link
 * io.multibot.management.platform.redis.Streams}, with the consumer-group listener), the data-loss
 * counter ({@link io.multibot.management.platform.redis.RedisEpoch}) and per-bot publishing locks.
 */
package io.multibot.management.platform.redis;
