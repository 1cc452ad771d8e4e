/**
 * Taking commands off Redis Streams and running them against bots: partition leases, consumer-group
 * reads and reclaims, once-only effects, results and the dead-letter stream.
 */
package io.multibot.gateway.dispatch;
