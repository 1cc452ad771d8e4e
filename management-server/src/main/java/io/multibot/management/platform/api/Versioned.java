package io.multibot.management.platform.api;

/** A resource representation with the row version its ETag is made of. */
public record Versioned<T>(T value, long version) {}
