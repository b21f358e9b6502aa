package dev.vigil.agent.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TierTest {
  private static final Duration DEFAULT = Duration.ofSeconds(15);

  @Test
  void shouldCountTheTicksOfEachTierAtTheDefaultInterval() {
    assertEquals(1, Tier.TICK.everyTicks(DEFAULT));
    assertEquals(4, Tier.MINUTE.everyTicks(DEFAULT));
    assertEquals(5760, Tier.DAY.everyTicks(DEFAULT));
  }

  @Test
  void shouldRunAtTheFirstTickAtLeastAPeriodLaterWhenTheIntervalDoesNotDivideIt() {
    assertEquals(9, Tier.MINUTE.everyTicks(Duration.ofSeconds(7)));
    assertEquals(1, Tier.MINUTE.everyTicks(Duration.ofMinutes(2)), "never less than every tick");
  }

  @Test
  void shouldGiveTheTickTierAThirdOfTheIntervalAndSlowerTiersMore() {
    assertEquals(Duration.ofSeconds(5), Tier.TICK.timeout(DEFAULT));
    assertEquals(Duration.ofSeconds(30), Tier.MINUTE.timeout(DEFAULT));
    assertEquals(Duration.ofMinutes(2), Tier.DAY.timeout(DEFAULT));
  }

  @Test
  void shouldNeverGiveASlowerTierLessTimeThanTheTick() {
    Duration threeMinutes = Duration.ofMinutes(3);

    assertEquals(Duration.ofMinutes(1), Tier.TICK.timeout(threeMinutes));
    assertEquals(Duration.ofMinutes(1), Tier.MINUTE.timeout(threeMinutes));
    assertEquals(Duration.ofMinutes(2), Tier.DAY.timeout(threeMinutes));
  }
}
