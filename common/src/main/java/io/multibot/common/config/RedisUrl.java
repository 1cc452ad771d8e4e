package io.multibot.common.config;

/**
 * Where Redis is, parsed from {@code REDIS_URL}: {@code redis://[user:password@]host:port[/db]}, or
 * {@code rediss://} for TLS. {@link #toString()} hides the password, so the value is safe to log.
 */
public record RedisUrl(
    boolean tls, String host, int port, String user, String password, int database) {

  public static final String VARIABLE = "REDIS_URL";
  public static final String DEFAULT = "redis://localhost:6379";
  public static final int DEFAULT_PORT = 6379;
  private static final String EXPECTED =
      "redis://[user:password@]host:port[/db], or rediss:// for TLS";

  /** Parses a URL, throwing {@link InvalidSettingException} that names {@code REDIS_URL}. */
  public static RedisUrl parse(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidSettingException(VARIABLE, "it is empty", EXPECTED);
    }
    UrlParts parts = UrlParts.split(VARIABLE, value, EXPECTED);
    boolean tls;
    switch (parts.scheme()) {
      case "redis" -> tls = false;
      case "rediss" -> tls = true;
      default ->
          throw new InvalidSettingException(
              VARIABLE, "the scheme must be redis or rediss, not " + parts.scheme(), EXPECTED);
    }
    int port = parts.port() < 0 ? DEFAULT_PORT : parts.port();
    return new RedisUrl(
        tls, parts.host(), port, parts.user(), parts.password(), database(parts.path()));
  }

  private static int database(String path) {
    String db = path.startsWith("/") ? path.substring(1) : path;
    if (db.isEmpty()) {
      return 0;
    }
    if (!db.chars().allMatch(Character::isDigit) || db.length() > 5) {
      throw new InvalidSettingException(
          VARIABLE, "the database after the host must be a number, not '" + db + "'", EXPECTED);
    }
    return Integer.parseInt(db);
  }

  /** The URL with its password replaced by {@code ***}. */
  public String redacted() {
    UrlParts parts = new UrlParts(tls ? "rediss" : "redis", user, password, host, port, "");
    return parts.scheme() + "://" + parts.redactedAuthority(port) + "/" + database;
  }

  @Override
  public String toString() {
    return redacted();
  }
}
