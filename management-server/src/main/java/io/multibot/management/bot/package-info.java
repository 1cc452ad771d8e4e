/**
 * The bot registry: what each freqtrade bot is (strategy, exchange, stake, pairs, the rest of its
 * config), how it runs (managed by the gateway or external), its write-only secrets, and its
 * desired and last known state.
 */
package io.multibot.management.bot;
