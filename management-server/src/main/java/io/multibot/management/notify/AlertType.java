package io.multibot.management.notify;

import io.multibot.management.platform.api.WireNames;
import java.util.Optional;

/**
 * What happened, as rules name it. Each has a default severity; a "resolved" type clears another (a
 * rule that sends the cleared type with {@code sendResolved} also sends its resolution).
 */
public enum AlertType {
  BOT_CRASHED("bot.crashed", Severity.WARNING, null),
  BOT_CRASH_LOOP("bot.crash-loop", Severity.CRITICAL, null),
  BOT_WENT_OFFLINE("bot.went-offline", Severity.WARNING, null),
  BOT_RECOVERED("bot.recovered", Severity.INFO, BOT_WENT_OFFLINE),
  BOT_DEAD_MAN_PAUSED("bot.dead-man-paused", Severity.WARNING, null),
  COMMAND_FAILED("command.failed", Severity.WARNING, null),
  COMMAND_DEAD_LETTERED("command.dead-lettered", Severity.CRITICAL, null),
  COMMAND_OUTCOME_UNKNOWN("command.outcome-unknown", Severity.CRITICAL, null),
  BATCH_FINISHED_WITH_FAILURES("batch.finished-with-failures", Severity.WARNING, null),
  GATEWAY_LOST("gateway.lost", Severity.CRITICAL, null),
  KILL_SWITCH_PULLED("kill-switch.pulled", Severity.CRITICAL, null),
  TRADE_CLOSED_WITH_LOSS("trade.closed-with-loss", Severity.WARNING, null),
  RISK_GUARD_TRIPPED("risk-guard.tripped", Severity.CRITICAL, null),
  RISK_GUARD_REARMED("risk-guard.rearmed", Severity.INFO, RISK_GUARD_TRIPPED),
  TEST("test", Severity.INFO, null);

  private final String wire;
  private final Severity severity;
  private final AlertType resolves;

  AlertType(String wire, Severity severity, AlertType resolves) {
    this.wire = wire;
    this.severity = severity;
    this.resolves = resolves;
  }

  public String wire() {
    return wire;
  }

  public Severity severity() {
    return severity;
  }

  /** The type this one clears, if it is a resolution. */
  public Optional<AlertType> resolves() {
    return Optional.ofNullable(resolves);
  }

  /**
   * Whether two alerts of this type about one bot are different news (each losing trade is), so
   * that deduplication goes by subject instead of by bot.
   */
  boolean dedupPerSubject() {
    return this == TRADE_CLOSED_WITH_LOSS;
  }

  static Optional<AlertType> parse(String wire) {
    return WireNames.find(values(), AlertType::wire, wire);
  }
}
