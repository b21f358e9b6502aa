package dev.vigil.agent.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void shouldSortPairsByNameSoEqualSetsAreEqual() {
    Labels written = Labels.of("mode", "idle", "cpu", "0");

    assertEquals(List.of("cpu", "0", "mode", "idle"), written.pairs());
    assertEquals(Labels.of("cpu", "0", "mode", "idle"), written);
  }

  @Test
  void shouldRejectAnOddNumberOfNamesAndValues() {
    assertThrows(IllegalArgumentException.class, () -> Labels.of("cpu"));
  }

  @Test
  void shouldRejectACounterWithoutTotalSuffix() {
    assertThrows(IllegalArgumentException.class, () -> Metric.counter("node_bytes", "help"));
  }
}
