package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepting and finishing single commands, without Redis or a database: the use case alone. */
class CommandServiceTest {

  private final UseCaseFakes fakes = new UseCaseFakes();
  private final CommandService service = fakes.commandService();

  private static CommandRequest start() {
    return new CommandRequest("start", null, null, null, null, null, null, null, null, "PT5M");
  }

  /** What the resource passes for a request without a body (the path names the action). */
  private static CommandRequest nothing() {
    return CommandRequest.none();
  }

  @Test
  void acceptingStoresTheCommandThenHandsItToTheDispatchPort() {
    fakes.reachable("b-1", "alpha");

    CommandService.Accepted accepted = service.accept("alpha", start(), null, "ops", null);

    assertThat(accepted.created()).isTrue();
    CommandRecord stored = fakes.commands.stored.get(accepted.command().id());
    assertThat(stored.getStatus()).isEqualTo(CommandStatus.ACCEPTED);
    assertThat(stored.getBotId()).isEqualTo("b-1");
    assertThat(stored.getIssuedBy()).isEqualTo("ops");
    assertThat(stored.getExpiresAt()).isEqualTo(stored.getCreatedAt().plus(Duration.ofMinutes(5)));
    assertThat(fakes.dispatched).containsExactly("b-1");
    assertThat(fakes.commanded).containsExactly("b-1 START");
    assertThat(fakes.metrics).containsExactly("accepted START");
  }

  @Test
  void theActionOfThePathWinsOverNothingInTheBody() {
    fakes.reachable("b-1", "alpha");

    var accepted = service.accept("b-1", nothing(), CommandType.STOP, "ops", null);

    assertThat(fakes.commands.stored.get(accepted.command().id()).getType())
        .isEqualTo(CommandType.STOP);
    assertThat(fakes.commanded).containsExactly("b-1 STOP");
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheFirstCommandAndSendsNothingMore() {
    fakes.reachable("b-1", "alpha");
    var first = service.accept("alpha", start(), null, "ops", "key-1");

    fakes.clock.advance(Duration.ofSeconds(3));
    var again = service.accept("alpha", start(), null, "ops", "key-1");

    assertThat(again.created()).isFalse();
    assertThat(again.command().id()).isEqualTo(first.command().id());
    assertThat(fakes.commands.stored).hasSize(1);
    assertThat(fakes.dispatched).containsExactly("b-1");
  }

  @Test
  void aKeyReusedForADifferentRequestIsAConflictNotTheFirstCommand() {
    fakes.reachable("b-1", "alpha");
    service.accept("alpha", start(), null, "ops", "key-1");

    assertThatThrownBy(() -> service.accept("alpha", nothing(), CommandType.STOP, "ops", "key-1"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
    assertThat(fakes.commands.stored).hasSize(1);
    assertThat(fakes.dispatched).hasSize(1);
  }

  @Test
  void aBotTheGatewaysCannotReachGetsAProblemAndNothingIsStoredOrSent() {
    fakes.unreachable("b-2", "beta");

    assertThatThrownBy(() -> service.accept("beta", start(), null, "ops", null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
    assertThat(fakes.commands.stored).isEmpty();
    assertThat(fakes.dispatched).isEmpty();
    assertThat(fakes.commanded).isEmpty();
  }

  @Test
  void anInvalidRequestIsRefusedBeforeAnythingHappens() {
    fakes.reachable("b-1", "alpha");
    CommandRequest noPair =
        new CommandRequest("forceenter", null, null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> service.accept("alpha", noPair, null, "ops", null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
    assertThat(fakes.commands.stored).isEmpty();
    assertThat(fakes.dispatched).isEmpty();
  }

  @Test
  void resultsMoveACommandForwardOnlyAndEachIsMeasuredOnce() {
    fakes.reachable("b-1", "alpha");
    String id = service.accept("alpha", start(), null, "ops", null).command().id();

    assertThat(service.apply(result(id, CommandStatus.RUNNING))).isTrue();
    assertThat(service.apply(result(id, CommandStatus.SUCCEEDED))).isTrue();
    assertThat(service.apply(result(id, CommandStatus.SUCCEEDED))).as("duplicate").isFalse();
    assertThat(service.apply(result(id, CommandStatus.FAILED))).as("after the end").isFalse();
    assertThat(service.apply(result("no-such-id", CommandStatus.FAILED))).isFalse();

    assertThat(fakes.commands.stored.get(id).getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(fakes.metrics).containsExactly("accepted START", "finished START SUCCEEDED");
  }

  /**
   * A round of reports in one go: each command's reports keep their stream order whatever the ids'
   * order, duplicates and reports after the end change nothing, and only the commands this round
   * finished are returned (for the waiters).
   */
  @Test
  void aRoundOfResultsKeepsEachCommandsOrderAndReturnsWhatItFinished() {
    fakes.reachable("b-1", "alpha");
    String first = service.accept("alpha", start(), null, "ops", null).command().id();
    String second = service.accept("alpha", start(), null, "ops", "other-key").command().id();
    String done = service.accept("alpha", start(), null, "ops", "third-key").command().id();
    service.apply(result(done, CommandStatus.SUCCEEDED));

    List<String> finished =
        service.applyAll(
            List.of(
                result(second, CommandStatus.RUNNING),
                result(first, CommandStatus.RUNNING),
                result(done, CommandStatus.FAILED),
                result(second, CommandStatus.SUCCEEDED),
                result(second, CommandStatus.SUCCEEDED),
                result("no-such-id", CommandStatus.FAILED)));

    assertThat(finished).containsExactly(second);
    assertThat(fakes.commands.stored.get(second).getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
    assertThat(fakes.commands.stored.get(first).getStatus()).isEqualTo(CommandStatus.RUNNING);
    assertThat(fakes.commands.stored.get(done).getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
  }

  @Test
  void aCommandThatNeverStartedExpiresButOneThatStartedEndsUnknown() {
    fakes.reachable("b-1", "alpha");
    String idle = service.accept("alpha", start(), null, "ops", null).command().id();
    String started = service.accept("alpha", start(), null, "ops", null).command().id();
    service.apply(result(started, CommandStatus.RUNNING));
    fakes.commands.stored.get(started).requeue();

    fakes.clock.advance(Duration.ofMinutes(6));
    assertThat(service.stale(Duration.ZERO)).containsExactlyInAnyOrder(idle, started);
    assertThat(service.expire(idle)).isTrue();
    assertThat(service.expire(started)).isTrue();

    assertThat(fakes.commands.stored.get(idle).getStatus()).isEqualTo(CommandStatus.EXPIRED);
    assertThat(fakes.commands.stored.get(started).getStatus()).isEqualTo(CommandStatus.UNKNOWN);
  }

  @Test
  void aCommandRunningFarTooLongEndsUnknownAndARealResultStillReplacesIt() {
    fakes.reachable("b-1", "alpha");
    String id = service.accept("alpha", start(), null, "ops", null).command().id();
    service.apply(result(id, CommandStatus.RUNNING));

    fakes.clock.advance(Duration.ofMinutes(10));
    Duration limit = Duration.ofMinutes(5);
    assertThat(service.overdue(limit)).containsExactly(id);
    assertThat(service.giveUp(id, limit)).isTrue();
    assertThat(fakes.commands.stored.get(id).getStatus()).isEqualTo(CommandStatus.UNKNOWN);

    assertThat(service.apply(result(id, CommandStatus.SUCCEEDED))).isTrue();
    assertThat(fakes.commands.stored.get(id).getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
  }

  @Test
  void afterRedisLostItsDataEveryCommandInFlightGoesBackToAccepted() {
    fakes.reachable("b-1", "alpha");
    fakes.reachable("b-2", "beta");
    String queued = service.accept("alpha", start(), null, "ops", null).command().id();
    String running = service.accept("beta", start(), null, "ops", null).command().id();
    String done = service.accept("beta", start(), null, "ops", null).command().id();
    fakes.commands.stored.get(queued).dispatched(fakes.clock.instant());
    service.apply(result(running, CommandStatus.RUNNING));
    service.apply(result(done, CommandStatus.SUCCEEDED));

    assertThat(service.requeueInFlight()).containsExactly("b-1", "b-2");

    assertThat(fakes.commands.stored.get(queued).getStatus()).isEqualTo(CommandStatus.ACCEPTED);
    assertThat(fakes.commands.stored.get(queued).wasDispatched()).isTrue();
    assertThat(fakes.commands.stored.get(running).getStatus()).isEqualTo(CommandStatus.ACCEPTED);
    assertThat(fakes.commands.stored.get(done).getStatus()).isEqualTo(CommandStatus.SUCCEEDED);
  }

  private ResultMessage result(String id, CommandStatus status) {
    return new ResultMessage(id, "b-1", status, null, "gw-1", fakes.clock.instant(), "{}");
  }
}
