/**
 * Reads the settings users already know from the environment ({@code REDIS_URL}, {@code
 * DATABASE_URL}), validates them once and hands out values that are safe to log.
 */
package io.multibot.common.config;
