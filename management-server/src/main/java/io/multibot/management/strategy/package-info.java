/**
 * Stored freqtrade strategies: Python sources with a version history. Bots pin a version or follow
 * the latest; a strategy a bot uses cannot be deleted.
 */
package io.multibot.management.strategy;
