package io.multibot.common.config;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Checks {@code REDIS_URL} and {@code DATABASE_URL} before a server starts and translates {@code
 * DATABASE_URL} into the {@code DB_*} variables that Liberty's data source configuration reads.
 *
 * <p>Liberty cannot split a URL in {@code server.xml}, so the launcher scripts run this first: on
 * success it prints {@code export NAME='value'} lines for the shell to evaluate; on a malformed URL
 * it prints one line naming the variable and exits with status 2, and the server is not started.
 */
public final class LaunchEnvironment {

  static final int EXIT_MALFORMED = 2;

  private LaunchEnvironment() {}

  public static void main(String[] args) {
    int status = run(System::getenv, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(UnaryOperator<String> env, PrintStream out, PrintStream err) {
    Map<String, String> exports;
    try {
      String redis = env.apply(RedisUrl.VARIABLE);
      RedisUrl.parse(redis == null ? RedisUrl.DEFAULT : redis);
      exports = exports(DatabaseUrl.parse(env.apply(DatabaseUrl.VARIABLE)));
    } catch (InvalidSettingException e) {
      err.println("multibot: " + e.getMessage());
      return EXIT_MALFORMED;
    }
    exports.forEach((name, value) -> out.println("export " + name + "=" + shellQuote(value)));
    return 0;
  }

  /** The Liberty variables (as environment variables) that select and reach the database. */
  static Map<String, String> exports(DatabaseUrl database) {
    Map<String, String> exports = new LinkedHashMap<>();
    exports.put("DB_KIND", database.kind().configName());
    if (database.kind() == DatabaseUrl.Kind.POSTGRESQL) {
      exports.put("DB_JDBC_URL", database.jdbcUrl());
      exports.put("DB_USER", database.user() == null ? "" : database.user());
      exports.put("DB_PASSWORD", database.password() == null ? "" : database.password());
    } else if (database.derbyDirectory() != null) {
      exports.put("DB_DERBY_DIRECTORY", database.derbyDirectory());
    }
    return exports;
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
