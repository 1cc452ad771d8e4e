/**
 * Managed bots: the gateway launches freqtrade (or anything that speaks its command line and API)
 * as child processes, each in a workspace of its own, and supervises them: exits are noticed at
 * once, restarts follow the bot's policy with doubling waits, a crash loop ends in CRASHED with the
 * last log lines, and stops are graceful (SIGTERM, a grace period, then SIGKILL).
 */
package io.multibot.gateway.runtime;
