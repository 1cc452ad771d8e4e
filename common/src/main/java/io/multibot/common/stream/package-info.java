/**
 * Redis Streams plumbing both services share: stream and group names, partitioning, and the signing
 * and field encryption that make entries trustworthy.
 */
package io.multibot.common.stream;
