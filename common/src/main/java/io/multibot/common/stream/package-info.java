/**
 * Redis Streams plumbing both services share: stream and group names, partitioning, the signing and
 * field encryption that make entries trustworthy, and the one consumer-group worker ({@link
 * io.multibot.common.stream.GroupWorker} on {@link io.multibot.common.stream.StreamGroup}).
 */
package io.multibot.common.stream;
