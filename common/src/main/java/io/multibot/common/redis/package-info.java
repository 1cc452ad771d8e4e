/** The one Redis client each server shares, built from {@code REDIS_URL}, and its health. */
package io.multibot.common.redis;
