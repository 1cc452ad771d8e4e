package io.multibot.management.platform.api;

import java.util.regex.Pattern;

/**
 * The names that identify notification channels, rules and risk policies in paths: 1 to 64 letters,
 * digits, '.', '_' or '-', not starting with a punctuation mark (safe in a URL path and a log line
 * as they are).
 */
public final class ResourceNames {

  /** What a client is told when a name is refused. */
  public static final String RULE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private ResourceNames() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
