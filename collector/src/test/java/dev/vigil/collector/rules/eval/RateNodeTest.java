package dev.vigil.collector.rules.eval;

import static dev.vigil.collector.rules.eval.TestHost.labels;
import static dev.vigil.collector.rules.eval.TestHost.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expected values are worked by hand from Prometheus 2.42's {@code extrapolatedRate}. */
class RateNodeTest {
  private static final long T = 1_700_000_000_000L;
  private static final SortedMap<String, String> CPU0 = labels("cpu", "0", "instance", "pc1");

  private final TestHost h = new TestHost("pc1");
  private int slot;

  @BeforeEach
  void defineCounter() throws Exception {
    slot = h.counter("c_total", "cpu", "0");
  }

  /**
   * Compiles {@code exprs} and feeds the counter samples 15 s apart, the first at T + 15 s,
   * observing after each as ingest would.
   */
  private CompiledHostProgram fed(List<String> exprs, double... values) throws Exception {
    CompiledHostProgram program = h.compile(null, exprs.toArray(new String[0]));
    for (int i = 0; i < values.length; i++) {
      h.set(slot, values[i], T + (i + 1) * 15_000L);
      program.observe();
    }
    return program;
  }

  @Test
  void shouldCountASampleExactlyAtTheWindowStart() throws Exception {
    CompiledHostProgram program =
        fed(List.of("increase(c_total[1m])", "rate(c_total[1m])"), 10, 20, 40, 70, 110);

    // Window [T+15s, T+75s] holds all five samples, edge to edge: no extrapolation.
    assertEquals(Map.of(CPU0, 100.0), result(program.expr(0), T + 75_000));
    assertEquals(Map.of(CPU0, 100 * (1.0 / 60)), result(program.expr(1), T + 75_000));
  }

  @Test
  void shouldCorrectCounterResetsAndExtrapolateToTheStart() throws Exception {
    CompiledHostProgram program = fed(List.of("increase(c_total[1m])"), 100, 110, 5, 15);

    // 15 - 100 + 110 = 25 over 45 s sampled; 15 s to the start is within 1.1 x 15 s.
    assertEquals(Map.of(CPU0, 25 * (60.0 / 45)), result(program.expr(0), T + 60_000));
  }

  @Test
  void shouldStopExtrapolatingAtTheCountersZeroAndHalfAnIntervalFromSparseEdges() throws Exception {
    CompiledHostProgram program = h.compile(null, "increase(c_total[2m])");
    h.set(slot, 5, T + 30_000);
    program.observe();
    h.set(slot, 8, T + 45_000);
    program.observe();

    // 3 over 15 s; zero lies 25 s back (< 30 s to the start) but beyond 1.1 x 15 s, as is the
    // end: half an interval on each side, 30 s in all.
    assertEquals(Map.of(CPU0, 3 * (30.0 / 15)), result(program.expr(0), T + 120_000));
  }

  @Test
  void shouldClampTheStartToWhereTheCounterWasZero() throws Exception {
    CompiledHostProgram program = fed(List.of("increase(c_total[1m])"), 3, 19, 35, 51);

    // 48 over 45 s sampled; zero lies 45 / 16 s before the first sample, nearer than the 15 s
    // start.
    assertEquals(Map.of(CPU0, 48 * (47.8125 / 45)), result(program.expr(0), T + 60_000));
  }

  @Test
  void shouldReturnNothingWithFewerThanTwoSamplesInTheWindow() throws Exception {
    CompiledHostProgram program = fed(List.of("rate(c_total[1m])"), 1, 2, 3);

    assertEquals(Map.of(), result(program.expr(0), T + 45_000 + 60_000));
    assertEquals(Map.of(), result(program.expr(0), T + 14_999));
  }

  @Test
  void shouldIgnoreSamplesAfterTheEvaluationTime() throws Exception {
    CompiledHostProgram program = fed(List.of("increase(c_total[1m])"), 10, 20, 40, 90, 150);

    // At T+60s the window [T, T+60s] holds 10, 20, 40, 90: 80 over 45 s, zero 45 / 8 s back.
    assertEquals(Map.of(CPU0, 80 * (50.625 / 45)), result(program.expr(0), T + 60_000));
  }

  @Test
  void shouldCarryWindowsOverWhenRecompiled() throws Exception {
    CompiledHostProgram first = fed(List.of("increase(c_total[1m])"), 10, 20);
    h.gauge("node_load1");

    CompiledHostProgram second = h.compile(first, "increase(c_total[1m])");
    h.set(slot, 30, T + 45_000);
    second.observe();

    // 20 over 30 s sampled; the start 15 s away, within 1.1 x 15 s; zero 15 s back.
    assertEquals(Map.of(CPU0, 20 * (45.0 / 30)), result(second.expr(0), T + 45_000));
  }

  @Test
  void shouldKeepSamplesForTheLongestRangeOverASeries() throws Exception {
    CompiledHostProgram program =
        fed(
            List.of("increase(c_total[1m])", "increase(c_total[2m])"),
            0,
            10,
            20,
            30,
            40,
            50,
            60,
            70,
            80);

    // Window [T+15s, T+135s]: all nine samples, 80 over 120 s, no extrapolation.
    assertEquals(Map.of(CPU0, 80.0), result(program.expr(1), T + 135_000));
    // Window [T+75s, T+135s]: 40 over 60 s.
    assertEquals(Map.of(CPU0, 40.0), result(program.expr(0), T + 135_000));
  }
}
