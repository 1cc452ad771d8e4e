package io.multibot.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void escapesLineBreaksAndControlCharacters() {
    String safe = LogSafe.text("x\n[01/01/70 00:00:00:000 UTC] 0000 Forged E\r\u001b[31m\u2028y");

    assertThat(safe).doesNotContain("\n", "\r", "\u001b", "\u2028");
    assertThat(safe)
        .isEqualTo("x\\n[01/01/70 00:00:00:000 UTC] 0000 Forged E\\r\\u001b[31m\\u2028y");
  }

  @Test
  void cutsLongText() {
    assertThat(LogSafe.text("a".repeat(10_000))).hasSize(503).endsWith("...");
    assertThat(LogSafe.text(null)).isEqualTo("null");
  }

  @Test
  void anExceptionForTheLogKeepsClassFramesAndCausesButNoRawLineBreak() {
    IllegalStateException cause = new IllegalStateException("inner\nFORGED cause");
    RuntimeException original = new RuntimeException("outer\r\nFORGED line", cause);

    Throwable safe = LogSafe.of(original);
    StringWriter printed = new StringWriter();
    safe.printStackTrace(new PrintWriter(printed));

    assertThat(safe.getStackTrace()).isEqualTo(original.getStackTrace());
    assertThat(safe.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    assertThat(printed.toString())
        .contains("java.lang.RuntimeException: outer\\r\\nFORGED line")
        .contains("Caused by: java.lang.IllegalStateException: inner\\nFORGED cause")
        .doesNotContain("\nFORGED");
  }
}
