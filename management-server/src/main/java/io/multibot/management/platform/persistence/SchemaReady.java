package io.multibot.management.platform.persistence;

/** Fired once the schema is up to date, so startup work that needs tables can run. */
public record SchemaReady() {}
