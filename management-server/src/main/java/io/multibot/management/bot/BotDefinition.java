package io.multibot.management.bot;

import java.util.Set;

/** Everything a client sets on a bot except secrets, after validation and normalization. */
record BotDefinition(
    String name,
    String description,
    Set<String> tags,
    BotSettings settings,
    RunMode runMode,
    String restartPolicy,
    String apiUrl,
    String apiUsername) {}
