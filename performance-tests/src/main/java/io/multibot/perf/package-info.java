/** A load generator for running Multibot servers, with a percentile report. */
package io.multibot.perf;
