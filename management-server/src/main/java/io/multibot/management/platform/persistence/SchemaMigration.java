package io.multibot.management.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the versioned Liquibase changelog when the application starts,
 * before it serves a request. The same changelog runs on Derby and PostgreSQL; EclipseLink never
 * generates tables. A failure keeps the server from counting as started (see {@code
 * SchemaStartupCheck}).
 */
@ApplicationScoped
public class SchemaMigration {

  static final String CHANGELOG = "db/changelog/master.xml";
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  /** Resource injection needs a field; it is the container's, never reassigned. */
  @Resource(lookup = "jdbc/multibot")
  private DataSource dataSource;

  private final Event<SchemaReady> ready;
  private volatile String failure;
  private volatile boolean done;

  @Inject
  public SchemaMigration(Event<SchemaReady> ready) {
    this.ready = ready;
  }

  /** For CDI's proxy only. */
  protected SchemaMigration() {
    this(null);
  }

  void onStart(@Observes @Priority(1000) @Initialized(ApplicationScoped.class) Object event) {
    migrate();
  }

  /** Applies every changeset not applied yet; safe to call again. */
  public synchronized void migrate() {
    if (done) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (database instanceof DerbyDatabase derby) {
        derby.setShutdownEmbeddedDerby(false);
      }
      Liquibase liquibase =
          new Liquibase(
              CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()), database);
      liquibase.update(new Contexts(), new LabelExpression());
      failure = null;
      done = true;
      ready.fire(new SchemaReady());
    } catch (LiquibaseException | SQLException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.log(Level.SEVERE, "Schema migration failed; the server will not report started", e);
    }
  }

  /** Why the last migration failed, if it did; empty also before the first attempt. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  public boolean isDone() {
    return done;
  }
}
