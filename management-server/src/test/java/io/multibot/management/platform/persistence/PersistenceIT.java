package io.multibot.management.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty against {@code jdbc/multibot} as the server configured it. Failsafe runs it
 * twice: on the Derby server and on the PostgreSQL server (see the module's POM).
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  private static final String EXPECTED_PRODUCT = "expected-database.txt";

  @Inject private Database database;
  @Inject private ProbeStore store;

  @Deployment
  static WebArchive deployment() {
    String launch = System.getProperty("arquillian.launch", "liberty-derby");
    String product = launch.endsWith("postgresql") ? "PostgreSQL" : "Apache Derby";
    return ShrinkWrap.create(WebArchive.class, "persistence-it.war")
        .addClasses(Database.class, DatabaseStatus.class, ProbeRecord.class, ProbeStore.class)
        .addAsResource("persistence-it/persistence.xml", "META-INF/persistence.xml")
        .addAsResource(new StringAsset(product), EXPECTED_PRODUCT)
        .addAsWebInfResource("persistence-it/beans.xml", "beans.xml");
  }

  private static String expectedProduct() throws IOException {
    try (InputStream in =
        PersistenceIT.class.getClassLoader().getResourceAsStream(EXPECTED_PRODUCT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ProbeRecord newRecord(String name) {
    return new ProbeRecord(
        UUID.randomUUID().toString(),
        name,
        new BigDecimal("12345.12345678"),
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void reachesTheConfiguredDatabase() throws IOException {
    DatabaseStatus status = database.check(Duration.ofSeconds(2));

    assertTrue(status.reachable(), status::error);
    assertTrue(status.product().startsWith(expectedProduct()), status::product);
  }

  @Test
  void storesAndReadsBackEveryColumnType() {
    ProbeRecord saved = newRecord("roundtrip-" + UUID.randomUUID());
    store.save(saved);

    ProbeRecord read = store.find(saved.getId()).orElseThrow();

    assertEquals(saved.getName(), read.getName());
    assertEquals(0, saved.getAmount().compareTo(read.getAmount()), read.getAmount()::toString);
    assertEquals(saved.getCreatedAt(), read.getCreatedAt());
    assertEquals(1L, read.getVersion());
  }

  @Test
  void rollsBackWhenTheTransactionFails() {
    ProbeRecord doomed = newRecord("doomed");

    RuntimeException failure =
        assertThrows(RuntimeException.class, () -> store.saveThenFail(doomed));

    assertInstanceOf(IllegalStateException.class, rootCause(failure));
    assertTrue(store.find(doomed.getId()).isEmpty(), "the insert must have been rolled back");
  }

  @Test
  void rejectsAStaleUpdate() {
    ProbeRecord original = newRecord("locked");
    store.save(original);
    ProbeRecord first = store.find(original.getId()).orElseThrow();
    ProbeRecord second = store.find(original.getId()).orElseThrow();

    first.rename("locked-first");
    store.update(first);
    second.rename("locked-second");

    RuntimeException failure = assertThrows(RuntimeException.class, () -> store.update(second));
    assertTrue(causes(failure, OptimisticLockException.class), failure::toString);
    assertEquals("locked-first", store.find(original.getId()).orElseThrow().getName());
  }

  @Test
  void queriesWithParameters() {
    String prefix = "query-" + UUID.randomUUID() + "-";
    store.save(newRecord(prefix + "b"));
    store.save(newRecord(prefix + "a"));
    store.save(newRecord("other-" + UUID.randomUUID()));

    List<String> names = store.named(prefix).stream().map(ProbeRecord::getName).toList();

    assertEquals(List.of(prefix + "a", prefix + "b"), names);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
