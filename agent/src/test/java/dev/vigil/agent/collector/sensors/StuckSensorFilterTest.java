package dev.vigil.agent.collector.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StuckSensorFilterTest {

  @Test
  void shouldPassAValueUntilItHasBeenReadTheLimitOfTimesInARow() {
    StuckSensorFilter filter = new StuckSensorFilter(5);

    for (int i = 0; i < 4; i++) {
      assertEquals(27.85, filter.accept(27.85));
      assertFalse(filter.stuck());
    }
    assertTrue(Double.isNaN(filter.accept(27.85)));
    assertTrue(filter.stuck());
    assertTrue(Double.isNaN(filter.accept(27.85)));
  }

  @Test
  void shouldReportAgainAsSoonAsTheValueChanges() {
    StuckSensorFilter filter = new StuckSensorFilter(3);
    filter.accept(27.85);
    filter.accept(27.85);
    filter.accept(27.85);

    assertEquals(41.0, filter.accept(41.0));
    assertFalse(filter.stuck());
  }

  @Test
  void shouldNeverCallAMovingSensorStuck() {
    StuckSensorFilter filter = new StuckSensorFilter(2);

    assertEquals(40.0, filter.accept(40.0));
    assertEquals(41.0, filter.accept(41.0));
    assertEquals(40.0, filter.accept(40.0));
  }

  @Test
  void shouldLetAnUnknownReadingThroughWithoutCountingIt() {
    StuckSensorFilter filter = new StuckSensorFilter(2);
    filter.accept(30.0);

    assertTrue(Double.isNaN(filter.accept(Double.NaN)));
    assertEquals(31.0, filter.accept(31.0));
  }

  @Test
  void shouldRejectALimitThatWouldHideEveryReading() {
    assertThrows(IllegalArgumentException.class, () -> new StuckSensorFilter(1));
  }
}
