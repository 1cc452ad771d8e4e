/**
 * Errors as {@code application/problem+json} (RFC 9457): one shape for every 4xx and 5xx answer of
 * both servers, with no stack traces.
 */
package io.multibot.common.problem;
