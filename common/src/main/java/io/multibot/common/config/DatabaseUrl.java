package io.multibot.common.config;

import java.util.Locale;

/**
 * Which database the management-server uses, parsed from {@code DATABASE_URL}. Unset means the
 * embedded Derby database under the data directory; {@code postgresql://user:password@host:port/db}
 * (or {@code postgres://}) and {@code jdbc:postgresql:} URLs mean PostgreSQL; {@code
 * jdbc:derby:PATH} names another Derby directory. {@link #toString()} hides the password.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password) {

  public static final String VARIABLE = "DATABASE_URL";
  private static final String EXPECTED =
      "postgresql://user:password@host:port/database, a jdbc:postgresql: or jdbc:derby: URL,"
          + " or nothing for the embedded Derby database";
  private static final int POSTGRESQL_PORT = 5432;

  /** The database products the servers ship configuration for. */
  public enum Kind {
    DERBY,
    POSTGRESQL;

    /** The name Liberty's configuration uses for this kind ({@code derby}, {@code postgresql}). */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parses a URL; {@code null} or blank selects embedded Derby. */
  public static DatabaseUrl parse(String value) {
    if (value == null || value.isBlank()) {
      return new DatabaseUrl(Kind.DERBY, null, null, null);
    }
    String url = value.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(Kind.POSTGRESQL, url, null, null);
    }
    if (lower.startsWith("jdbc:derby:")) {
      return derbyDirectory(url.substring("jdbc:derby:".length()));
    }
    if (lower.startsWith("jdbc:")) {
      throw new InvalidSettingException(
          VARIABLE, "only PostgreSQL and Derby JDBC URLs are supported", EXPECTED);
    }
    return postgresql(UrlParts.split(VARIABLE, url, EXPECTED));
  }

  private static DatabaseUrl derbyDirectory(String path) {
    if (path.isBlank() || path.contains(";")) {
      throw new InvalidSettingException(
          VARIABLE, "jdbc:derby: must be followed by a directory and no attributes", EXPECTED);
    }
    return new DatabaseUrl(Kind.DERBY, "jdbc:derby:" + path, null, null);
  }

  private static DatabaseUrl postgresql(UrlParts parts) {
    if (!parts.scheme().equals("postgresql") && !parts.scheme().equals("postgres")) {
      throw new InvalidSettingException(
          VARIABLE, "the scheme must be postgresql, not " + parts.scheme(), EXPECTED);
    }
    String database = parts.path().startsWith("/") ? parts.path().substring(1) : parts.path();
    if (database.isEmpty() || database.contains("/")) {
      throw new InvalidSettingException(
          VARIABLE, "the database name after the host is missing", EXPECTED);
    }
    int port = parts.port() < 0 ? POSTGRESQL_PORT : parts.port();
    String jdbc = "jdbc:postgresql://" + parts.host() + ":" + port + "/" + database;
    return new DatabaseUrl(Kind.POSTGRESQL, jdbc, parts.user(), parts.password());
  }

  /** The Derby directory named by a {@code jdbc:derby:} URL, or {@code null} for the default. */
  public String derbyDirectory() {
    return kind == Kind.DERBY && jdbcUrl != null ? jdbcUrl.substring("jdbc:derby:".length()) : null;
  }

  /** A description safe to log: kind, JDBC URL without query parameters, and the user. */
  public String redacted() {
    if (jdbcUrl == null) {
      return "embedded Derby in the data directory";
    }
    int query = jdbcUrl.indexOf('?');
    String shown = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?***";
    return user == null ? shown : shown + " as " + user;
  }

  @Override
  public String toString() {
    return redacted();
  }
}
