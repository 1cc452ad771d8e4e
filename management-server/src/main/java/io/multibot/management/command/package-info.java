/**
 * Commands to bots: the API that accepts them, the outbox that publishes them to Redis Streams, and
 * the listener that records the results the gateways send back.
 */
package io.multibot.management.command;
