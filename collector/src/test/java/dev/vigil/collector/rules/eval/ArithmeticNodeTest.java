package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArithmeticNodeTest {
  private static final long T = 1_700_000_000_000L;

  private final TestHost h = new TestHost("pc1");

  @Test
  void shouldComputeScalarsIncludingTime() throws Exception {
    int slot = h.gauge("vigil_updates_last_install_timestamp_seconds");
    h.set(slot, 1_699_000_000, T);

    assertEquals(
        Map.of(labels("instance", "pc1"), T / 1000.0 - 1_699_000_000 - 3 * 86400.0),
        result(h.vector("time() - vigil_updates_last_install_timestamp_seconds - 3 * 86400"), T));
  }

  @Test
  void shouldPairSeriesWithTheSameLabelsApartFromTheName() throws Exception {
    int availRoot = h.gauge("avail", "mountpoint", "/");
    int availHome = h.gauge("avail", "mountpoint", "/home");
    int sizeRoot = h.gauge("size", "mountpoint", "/");
    int sizeBoot = h.gauge("size", "mountpoint", "/boot");
    h.set(availRoot, 1, T);
    h.set(availHome, 1, T);
    h.set(sizeRoot, 4, T);
    h.set(sizeBoot, 4, T);

    HostVector ratio = h.vector("avail / size");

    assertEquals(1, ratio.size());
    assertEquals(Map.of(labels("instance", "pc1", "mountpoint", "/"), 0.25), result(ratio, T));
    h.set(sizeRoot, 0, T);
    assertEquals(
        Map.of(labels("instance", "pc1", "mountpoint", "/"), Double.POSITIVE_INFINITY),
        result(ratio, T));
    h.set(sizeRoot, 4, T - 3_600_000);
    assertEquals(Map.of(), result(ratio, T));
  }

  @Test
  void shouldRefuseTwoRightSeriesAlikeAsPrometheusDoesAndSayWhy() throws Exception {
    h.set(h.gauge("a"), 1, T);
    // Prometheus treats an empty label as no label: both are {instance="pc1"}.
    h.set(h.gauge("b"), 2, T);
    h.set(h.gauge("b", "x", ""), 3, T);

    CompiledHostProgram program = h.compile(null, "a", "a * b > 0");

    assertEquals(0, program.expr(1).size());
    assertEquals(Map.of(labels("instance", "pc1"), 1.0), result(program.expr(0), T));
    List<String> problems = program.problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("R1 (test.yml:1:1) on host pc1: found duplicate series"),
        problems.get(0));
  }

  @Test
  void shouldRefuseTwoLeftSeriesMeetingOneRight() throws Exception {
    h.set(h.gauge("a"), 1, T);
    h.set(h.gauge("a", "x", ""), 3, T);
    h.set(h.gauge("b"), 2, T);

    CompiledHostProgram program = h.compile(null, "a - b");

    assertEquals(0, program.expr(0).size());
    assertTrue(program.problems().get(0).contains("many-to-one"), program.problems().toString());
  }

  @Test
  void shouldDropTheMetricNameWithAScalarOnEitherSide() throws Exception {
    h.set(h.gauge("used", "mountpoint", "/"), 0.25, T);

    assertEquals(
        Map.of(labels("instance", "pc1", "mountpoint", "/"), 0.75),
        result(h.vector("1 - used"), T));
    assertEquals(
        Map.of(labels("instance", "pc1", "mountpoint", "/"), 25.0),
        result(h.vector("used * 100"), T));
  }
}
