/**
 * A freqtrade stand-in: the command line, config files and REST API of a freqtrade trade process,
 * with a simulated dry-run market, for development and tests where freqtrade cannot be installed.
 */
package io.multibot.simulator;
