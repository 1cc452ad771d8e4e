package io.multibot.gateway.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dead-man switch with a clock and a Redis that the test turns off and on. */
class DeadManSwitchTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private boolean redisUp = true;
  private final List<String> running = new ArrayList<>(List.of("a", "b"));
  private final List<String> pauses = new ArrayList<>();
  private final Set<String> refusing = new HashSet<>();
  private final List<String> announced = new ArrayList<>();

  private final MutableClock clock = new MutableClock(T0);

  private DeadManSwitch deadMan(Duration after) {
    return new DeadManSwitch(
        after,
        () -> {
          if (!redisUp) {
            throw new IllegalStateException("connection refused");
          }
          return true;
        },
        () -> List.copyOf(running),
        bot -> {
          pauses.add(bot);
          return !refusing.contains(bot);
        },
        (bot, since, after2) -> announced.add(bot + " since " + since),
        clock);
  }

  private void at(int second, DeadManSwitch deadMan) {
    clock.advance(Duration.between(clock.instant(), T0.plusSeconds(second)));
    deadMan.check();
  }

  @Test
  void pausesEachRunningBotOnceAfterTheWholeSilenceAndAnnouncesThemWhenRedisIsBack() {
    DeadManSwitch deadMan = deadMan(Duration.ofSeconds(30));
    at(0, deadMan);
    redisUp = false;
    at(10, deadMan);
    at(29, deadMan);

    assertThat(pauses).as("nothing before 30 s of silence since the last answer").isEmpty();

    at(30, deadMan);
    at(31, deadMan);
    at(40, deadMan);

    assertThat(deadMan.tripped()).isTrue();
    assertThat(deadMan.pausedBots()).isEqualTo(2);
    assertThat(pauses).as("each bot once").containsExactly("a", "b");

    running.add("restarted");
    at(41, deadMan);
    assertThat(pauses).as("a bot its supervisor started meanwhile").endsWith("restarted");

    redisUp = true;
    at(50, deadMan);
    at(51, deadMan);

    assertThat(deadMan.tripped()).isFalse();
    assertThat(deadMan.pausedBots()).isZero();
    assertThat(announced)
        .containsExactly(
            "a since 2026-12-04T10:00:00Z",
            "b since 2026-12-04T10:00:00Z",
            "restarted since 2026-12-04T10:00:00Z");
  }

  @Test
  void aPauseThatFailedIsTriedAgainAndOnlyConfirmedPausesAreAnnounced() {
    DeadManSwitch deadMan = deadMan(Duration.ofSeconds(5));
    refusing.add("b");
    at(0, deadMan);
    redisUp = false;
    at(5, deadMan);
    at(6, deadMan);

    assertThat(pauses).containsExactly("a", "b", "b");

    refusing.clear();
    at(7, deadMan);
    at(8, deadMan);
    redisUp = true;
    at(9, deadMan);

    assertThat(pauses).containsExactly("a", "b", "b", "b");
    assertThat(announced).hasSize(2);
  }

  @Test
  void aNewOutageStartsFromTheLastAnswer() {
    DeadManSwitch deadMan = deadMan(Duration.ofSeconds(5));
    redisUp = false;
    at(5, deadMan);
    redisUp = true;
    at(6, deadMan);
    redisUp = false;
    at(10, deadMan);

    assertThat(deadMan.tripped()).as("only 4 s since the last answer").isFalse();
    at(11, deadMan);
    assertThat(deadMan.tripped()).isTrue();
    assertThat(pauses).containsExactly("a", "b", "a", "b");
  }

  @Test
  void offWhenNoTimeIsSet() {
    DeadManSwitch deadMan = deadMan(Duration.ZERO);
    redisUp = false;
    at(3600, deadMan);

    assertThat(deadMan.armed()).isFalse();
    assertThat(pauses).isEmpty();
  }
}
