package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk commands and the kill switch, without Redis or a database: the use case alone. */
class BatchServiceTest {

  private final UseCaseFakes fakes = new UseCaseFakes();
  private final BatchService service = fakes.batchService();

  private static BulkRequest bulk(String type, BulkRequest.Selector selector) {
    return new BulkRequest(type, selector, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void eachReachableBotGetsACommandAndAnUnreachableOneARejectedMember() {
    fakes.reachable("b-1", "alpha");
    fakes.unreachable("b-2", "beta");
    fakes.reachable("b-3", "gamma");

    BatchView batch = service.bulk(bulk("stop", new BulkRequest.Selector(null, null, true)), "ops");

    List<CommandRecord> members = fakes.commands.membersOf(batch.id());
    assertThat(members)
        .extracting(CommandRecord::getBotName)
        .containsExactly("alpha", "beta", "gamma");
    assertThat(members)
        .extracting(CommandRecord::getStatus)
        .containsExactly(CommandStatus.ACCEPTED, CommandStatus.REJECTED, CommandStatus.ACCEPTED);
    assertThat(members.get(1).getReason()).isEqualTo(CommandFactory.UNREACHABLE);
    assertThat(fakes.dispatched).containsExactly("b-1", "b-3");
    assertThat(fakes.commanded).containsExactly("b-1 STOP", "b-3 STOP");
    assertThat(fakes.metrics).containsExactly("accepted STOP", "accepted STOP");
    assertThat(members).allMatch(c -> c.getBatchId().equals(batch.id()) && !c.isPriority());
  }

  @Test
  void theKillSwitchIsAPriorityBatchThatMustNotExpireSoon() {
    fakes.reachable("b-1", "alpha");

    BatchView batch = service.emergencyStop(true, "admin");

    CommandRecord stop = fakes.commands.membersOf(batch.id()).get(0);
    assertThat(stop.getType()).isEqualTo(CommandType.EMERGENCY_STOP);
    assertThat(stop.isPriority()).isTrue();
    assertThat(stop.getParams()).isEqualTo("{\"exit_positions\":true}");
    assertThat(Duration.between(stop.getCreatedAt(), stop.getExpiresAt()))
        .isEqualTo(BatchService.EMERGENCY_EXPIRY);
    assertThat(fakes.commanded).containsExactly("b-1 EMERGENCY_STOP");
  }

  @Test
  void selectorsMustChooseExactlyOneWayAndAtLeastOneBot() {
    fakes.reachable("b-1", "alpha");
    for (BulkRequest.Selector selector :
        java.util.Arrays.asList(
            null,
            new BulkRequest.Selector(null, null, null),
            new BulkRequest.Selector(List.of("alpha"), null, true),
            new BulkRequest.Selector(null, null, false),
            new BulkRequest.Selector(List.of(), null, null))) {
      assertThatThrownBy(() -> service.bulk(bulk("stop", selector), "ops"))
          .as(String.valueOf(selector))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
    }
    assertThat(fakes.commands.stored).isEmpty();
    assertThat(fakes.commands.batches).isEmpty();
    assertThat(fakes.dispatched).isEmpty();
  }

  @Test
  void theKillSwitchCannotBeSentAsAnOrdinaryBulkCommand() {
    fakes.reachable("b-1", "alpha");

    assertThatThrownBy(
            () ->
                service.bulk(
                    bulk("emergency_stop", new BulkRequest.Selector(null, null, true)), "ops"))
        .isInstanceOf(ApiException.class);
    assertThat(fakes.commands.stored).isEmpty();
  }

  @Test
  void anUnknownBatchIsNotFound() {
    assertThatThrownBy(() -> service.batch("nope"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND));
  }
}
