package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonNodeTest {
  private static final long T = 1_700_000_000_000L;

  private final TestHost h = new TestHost("pc1");

  @Test
  void shouldFilterAndKeepTheVectorsValueWithTheScalarOnEitherSide() throws Exception {
    h.set(h.gauge("temp", "sensor", "a"), 95, T);
    h.set(h.gauge("temp", "sensor", "b"), 60, T);
    Map<?, ?> hot = Map.of(labels("instance", "pc1", "sensor", "a"), 95.0);

    assertEquals(hot, result(h.vector("temp >= 90"), T));
    assertEquals(hot, result(h.vector("90 < temp"), T));
    assertEquals(
        Map.of(labels("instance", "pc1", "sensor", "b"), 60.0), result(h.vector("temp != 95"), T));
  }

  @Test
  void shouldCompareNaNFalseExceptWithNotEqual() throws Exception {
    h.set(h.gauge("x"), Double.NaN, T);

    assertEquals(Map.of(), result(h.vector("x <= 0"), T));
    assertEquals(1, result(h.vector("x != 0"), T).size());
  }
}
