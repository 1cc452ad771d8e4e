package io.multibot.management.bot;

/**
 * How a bot runs: the gateway launches it ({@code managed}) or it runs elsewhere ({@code
 * external}).
 */
public enum RunMode {
  MANAGED,
  EXTERNAL
}
