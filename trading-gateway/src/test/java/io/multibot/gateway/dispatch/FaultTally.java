package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the fault suite's table: what became of every command a scenario sent. {@code
 * accepted} counts 202 answers; {@code lost} accepted commands management no longer knows; {@code
 * duplicated} commands whose effect happened more than once at the bot; {@code falseStatus} a final
 * status the bot contradicts (SUCCEEDED without the trade, FAILED with it); {@code outOfOrder}
 * commands that started before an older command of their bot had finished; {@code stuck} commands
 * not final when the scenario's time ran out; {@code serverErrors} 5xx answers.
 */
record FaultTally(
    String scenario,
    int accepted,
    int succeeded,
    int failed,
    int unknown,
    int lost,
    int duplicated,
    int falseStatus,
    int outOfOrder,
    int stuck,
    int serverErrors,
    double recoverySeconds,
    List<String> findings) {

  static final String HEADER =
      "| scenario | accepted | succeeded | failed | unknown | lost | duplicated | false status"
          + " | out of order | stuck | 5xx | recovery s |\n|---|---|---|---|---|---|---|---|---|---|---|---|";

  private static final List<FaultTally> TABLE = new ArrayList<>();
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(FaultTally.class.getName());

  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f |",
        scenario,
        accepted,
        succeeded,
        failed,
        unknown,
        lost,
        duplicated,
        falseStatus,
        outOfOrder,
        stuck,
        serverErrors,
        recoverySeconds);
  }

  /**
   * Adds the row to the suite's table, logs the table so far and writes it to {@code
   * target/fault-suite.md}, and checks the targets.
   */
  FaultTally assertKeptItsPromise() throws java.io.IOException {
    synchronized (TABLE) {
      TABLE.add(this);
      StringBuilder table = new StringBuilder("# Command fault suite\n\n").append(HEADER);
      TABLE.forEach(t -> table.append('\n').append(t.row()));
      LOG.info(table::toString);
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "fault-suite.md"), table.append('\n'));
    }
    assertThat(findings).as(scenario + ": what the reconciliation found").isEmpty();
    assertThat(new int[] {lost, duplicated, falseStatus, outOfOrder, stuck, serverErrors})
        .as(scenario + ": lost, duplicated, false, out of order, stuck, 5xx")
        .containsOnly(0);
    assertThat(accepted).as(scenario + ": commands accepted").isPositive();
    return this;
  }
}
