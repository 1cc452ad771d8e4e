package io.multibot.management.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConstraintViolationsTest {

  @Test
  void findsAUniqueViolationDeepInTheChain() {
    Exception wrapped =
        new IllegalStateException(
            "flush failed",
            new RuntimeException(new SQLIntegrityConstraintViolationException("dup", "23505")));

    assertThat(ConstraintViolations.isCause(wrapped)).isTrue();
  }

  @Test
  void ignoresOtherDatabaseErrors() {
    assertThat(
            ConstraintViolations.isCause(new RuntimeException(new SQLException("down", "08001"))))
        .isFalse();
    assertThat(ConstraintViolations.isCause(new RuntimeException("no cause"))).isFalse();
  }
}
