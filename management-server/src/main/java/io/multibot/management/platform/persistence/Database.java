package io.multibot.management.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The server's data source, as Liberty configures it from {@code DB_KIND} and friends. Checks
 * borrow a pooled connection, so a check also proves the pool can hand one out.
 */
@ApplicationScoped
public class Database {

  /** Resource injection needs a field; it is the container's, never reassigned. */
  @Resource(lookup = "jdbc/multibot")
  private DataSource dataSource;

  /** Borrows a connection and asks the driver whether it is still valid within {@code timeout}. */
  public DatabaseStatus check(Duration timeout) {
    int seconds = (int) Math.max(1, timeout.toSeconds());
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      return connection.isValid(seconds)
          ? DatabaseStatus.up(product)
          : DatabaseStatus.down(product, "the connection did not answer within " + seconds + " s");
    } catch (SQLException e) {
      return DatabaseStatus.down(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
