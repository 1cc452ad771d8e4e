package io.multibot.common.problem;

/**
 * One invalid field of a request: a JSON path such as {@code config.exchange.pair_whitelist[2]} and
 * what is wrong with it.
 */
public record FieldError(String field, String message) {}
