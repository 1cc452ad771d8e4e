package io.multibot.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a server reads: every configuration key in its sources (and common's),
 * in MicroProfile Config's environment form ({@code bot.runtime.stop-grace} → {@code
 * BOT_RUNTIME_STOP_GRACE}), the Liberty variables of its server.xml (Liberty maps them the same
 * way), and the few variables Liberty itself reads.
 */
final class ConfigKeys {

  /** Read by Liberty or its image, not by our code. */
  static final Set<String> LIBERTY =
      Set.of(
          "WLP_LOGGING_CONSOLE_FORMAT",
          "WLP_LOGGING_CONSOLE_LOGLEVEL",
          "WLP_LOGGING_CONSOLE_SOURCE",
          "JVM_ARGS",
          "keystore_password");

  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
  private static final Pattern LIBERTY_VARIABLE =
      Pattern.compile("<variable name=\"([a-z0-9.-]+)\"");

  private ConfigKeys() {}

  /** The environment variables the given server module reads. */
  static Set<String> environmentOf(String module) {
    Set<String> names = new TreeSet<>(LIBERTY);
    for (String sources : new String[] {"common/src/main/java", module + "/src/main/java"}) {
      collect(Repo.path(sources), ".java", KEY_LITERAL, names);
    }
    collect(Repo.path(module + "/src/main/liberty/config"), ".xml", LIBERTY_VARIABLE, names);
    return names;
  }

  static String environmentForm(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static void collect(Path dir, String suffix, Pattern pattern, Set<String> names) {
    try (Stream<Path> files = Files.walk(dir)) {
      files
          .filter(file -> file.toString().endsWith(suffix))
          .forEach(
              file -> {
                Matcher matcher = pattern.matcher(Repo.read(file));
                while (matcher.find()) {
                  names.add(environmentForm(matcher.group(1)));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
