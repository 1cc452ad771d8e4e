/**
 * Talking to freqtrade bots: {@link io.multibot.gateway.bot.FreqtradeClient} speaks freqtrade's
 * REST API and turns its answers into typed results.
 */
package io.multibot.gateway.bot;
