package io.multibot.management.status;

/**
 * A CDI event fired after a bot's status report has been stored (its transaction committed), for
 * those that act on fresh figures without polling for them (the risk guards).
 */
public record StatusRecorded(String botId) {}
