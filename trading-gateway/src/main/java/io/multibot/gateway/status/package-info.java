/**
 * Live status: the gateway polls the bots of the partitions it owns (managed bots it runs, external
 * bots management lists in Redis) and publishes what they said, and its managed bots' process
 * events, on the status stream.
 */
package io.multibot.gateway.status;
