package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregationNodeTest {
  private static final long T = 1_700_000_000_000L;
  private static final double[] TEMPS = {0.1, 0.7, 0.2, Double.NaN};

  private final TestHost h = new TestHost("pc1");
  private final int[] slots = new int[TEMPS.length];

  @BeforeEach
  void defineTemperatures() throws Exception {
    for (int i = 0; i < TEMPS.length; i++) {
      String chip = i < 3 ? "cpu" : "gpu";
      slots[i] = h.gauge("t", "chip", chip, "sensor", "s" + i);
      h.set(slots[i], TEMPS[i], T);
    }
  }

  @Test
  void shouldGroupByTheNamedLabelsOnly() throws Exception {
    assertEquals(
        Map.of(
            labels("chip", "cpu", "instance", "pc1"), 3.0,
            labels("chip", "gpu", "instance", "pc1"), 1.0),
        result(h.vector("count by (instance, chip) (t)"), T));
  }

  @Test
  void shouldSumAndAverageInOperandOrderAsPrometheus() throws Exception {
    double sum = 0.1 + 0.7 + 0.2;
    // Prometheus' incremental mean: mean += v/n - mean/n.
    double mean = 0.1;
    mean += 0.7 / 2 - mean / 2;
    mean += 0.2 / 3 - mean / 3;

    assertEquals(
        Map.of(labels("chip", "cpu", "instance", "pc1"), sum),
        result(h.vector("sum by (instance, chip) (t{chip=\"cpu\"})"), T));
    assertEquals(
        Map.of(labels("chip", "cpu", "instance", "pc1"), mean),
        result(h.vector("avg by (instance, chip) (t{chip=\"cpu\"})"), T));
  }

  @Test
  void shouldTakeMinAndMaxPassingOverNaNAsPrometheus() throws Exception {
    h.set(slots[0], Double.NaN, T);

    assertEquals(
        Map.of(labels("instance", "pc1"), 0.2), result(h.vector("min by (instance) (t)"), T));
    assertEquals(
        Map.of(labels("instance", "pc1"), 0.7), result(h.vector("max by (instance) (t)"), T));
  }

  @Test
  void shouldKeepAnInfiniteMeanInsteadOfNaN() throws Exception {
    h.set(slots[1], Double.POSITIVE_INFINITY, T);

    assertEquals(
        Map.of(labels("chip", "cpu", "instance", "pc1"), Double.POSITIVE_INFINITY),
        result(h.vector("avg by (instance, chip) (t{chip=\"cpu\"})"), T));
  }

  @Test
  void shouldAggregateOnlyPresentMembersAndDropEmptyGroups() throws Exception {
    h.set(slots[0], 5, T - 3_600_000);
    h.set(slots[3], 1, T - 3_600_000);

    assertEquals(
        Map.of(labels("chip", "cpu", "instance", "pc1"), 0.7 + 0.2),
        result(h.vector("sum by (instance, chip) (t)"), T));
  }
}
