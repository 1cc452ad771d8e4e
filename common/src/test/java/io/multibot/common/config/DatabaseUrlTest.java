package io.multibot.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.config.DatabaseUrl.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void unsetMeansEmbeddedDerby(String value) {
    DatabaseUrl url = DatabaseUrl.parse(value);

    assertThat(url.kind()).isEqualTo(Kind.DERBY);
    assertThat(url.jdbcUrl()).isNull();
    assertThat(url.derbyDirectory()).isNull();
    assertThat(url.redacted()).isEqualTo("embedded Derby in the data directory");
  }

  @Test
  void translatesPostgresqlUrlToJdbc() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://multibot:p%2Fw@db.internal:5433/multibot");

    assertThat(url.kind()).isEqualTo(Kind.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/multibot");
    assertThat(url.user()).isEqualTo("multibot");
    assertThat(url.password()).isEqualTo("p/w");
    assertThat(url.toString()).isEqualTo("jdbc:postgresql://db.internal:5433/multibot as multibot");
  }

  @Test
  void acceptsPostgresAliasAndDefaultPort() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app@localhost/test");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
    assertThat(url.password()).isNull();
  }

  @Test
  void keepsJdbcUrlsAsGivenButHidesTheirQuery() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=u&password=secret");

    assertThat(url.kind()).isEqualTo(Kind.POSTGRESQL);
    assertThat(url.jdbcUrl()).endsWith("password=secret");
    assertThat(url.redacted()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?***");
  }

  @Test
  void namesAnotherDerbyDirectory() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:derby:/var/lib/multibot/db");

    assertThat(url.kind()).isEqualTo(Kind.DERBY);
    assertThat(url.derbyDirectory()).isEqualTo("/var/lib/multibot/db");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://root@localhost/test",
        "jdbc:mysql://localhost/test",
        "postgresql://localhost",
        "postgresql://localhost:5432/",
        "postgresql://localhost:notaport/db",
        "postgresql://user:secret@/db",
        "jdbc:derby:",
        "jdbc:derby:db;create=true",
        "just some text"
      })
  void rejectsMalformedUrlsNamingTheVariable(String value) {
    assertThatThrownBy(() -> DatabaseUrl.parse(value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("DATABASE_URL is malformed: ")
        .hasMessageNotContaining("secret");
  }
}
