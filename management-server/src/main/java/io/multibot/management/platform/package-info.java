/**
 * What every feature of the management-server stands on: the JAX-RS application, persistence and
 * health. Features depend on this package, never the other way round.
 */
package io.multibot.management.platform;
