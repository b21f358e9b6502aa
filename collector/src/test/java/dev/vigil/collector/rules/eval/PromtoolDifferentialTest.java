package dev.vigil.collector.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.collector.Promtool;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.promql.ExprPrinter;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil against the real Prometheus 2.42 engine: on a recorded fleet, Vigil evaluates every
 * expression of the default pack (and targeted ones) at several times, and {@code promtool test
 * rules} checks each result, written as the expected samples of a {@code promql_expr_test}.
 * promtool compares labels and float values exactly ({@code reflect.DeepEqual}), so values are
 * written as their exact decimal expansion.
 */
class PromtoolDifferentialTest {
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");
  private static final int STEPS = 241;
  private static final String LOST_HOST = "srv-c";

  /**
   * On a step (a sample exactly 5 minutes old), a millisecond after one, and at odd offsets between
   * steps, where the window's edges fall near the extrapolation threshold.
   */
  private static final long[] EVAL_MILLIS = {
    33 * 60_000,
    36 * 60_000 + 7_500,
    39 * 60_000 + 45_000,
    40 * 60_000,
    41 * 60_000 + 3_000,
    44 * 60_000 + 11_000,
    47 * 60_000 + 1,
    50 * 60_000 + 13_700,
    52 * 60_000,
    57 * 60_000 + 2_500,
    60 * 60_000
  };

  private static final List<String> TARGETED =
      List.of(
          "rate(node_cpu_seconds_total[5m])",
          "increase(node_cpu_seconds_total{mode!=\"idle\"}[2m])",
          "avg by (instance, mode) (rate(node_cpu_seconds_total[5m]))",
          "sum by (instance, cpu) (increase(node_cpu_seconds_total[3m]))",
          "max by (instance, mode) (rate(node_cpu_seconds_total[1m]))",
          "min by (instance) (node_hwmon_temp_celsius)",
          "count by (instance, chip) (node_hwmon_temp_celsius > 45)",
          "node_filesystem_avail_bytes / node_filesystem_size_bytes",
          "0.3 > node_filesystem_avail_bytes / node_filesystem_size_bytes",
          "node_hwmon_temp_celsius >= 50",
          "1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes",
          "time() - node_boot_time_seconds",
          "vigil_host_up",
          "vigil_host_lost");

  @TempDir Path dir;

  @Test
  void shouldAgreeWithPrometheusOnTheDefaultPackAndTargetedExpressions() throws Exception {
    RecordedFleet fleet = new RecordedFleet(STEPS);
    SeriesStore store = new SeriesStore(10_000);
    Map<String, TestHost> hosts = hosts(store, fleet);
    List<String> exprs = expressions();
    List<Rule> rules = new ArrayList<>();
    for (String expr : exprs) {
      rules.add(TestHost.rule("E" + rules.size(), expr, Optional.empty()));
    }
    Map<String, CompiledHostProgram> programs = new LinkedHashMap<>();
    hosts.forEach(
        (name, h) -> programs.put(name, new HostCompiler(store).compile(rules, h.host, null)));

    List<List<String>> expected = evaluate(fleet, hosts, programs, exprs.size());
    Path tests = dir.resolve("vigil-differential.yml");
    Files.writeString(tests, testFile(fleet, exprs, expected));

    assertEquals(
        new TreeSet<>(exprs), answered(exprs, expected), "every expression returns something");
    Promtool.assertRuleTestsPass(tests);
  }

  private static Map<String, TestHost> hosts(SeriesStore store, RecordedFleet fleet)
      throws Exception {
    Map<String, TestHost> hosts = fleet.load(store);
    TestHost lost = hosts.get(LOST_HOST);
    lost.host.release(lost, false);
    return hosts;
  }

  private static List<String> expressions() throws Exception {
    List<String> exprs = new ArrayList<>();
    try (RuleReloader reloader =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      for (Rule rule : reloader.rules().current().rules()) {
        exprs.add(rule.exprText());
        rule.keepFiringWhile().map(ExprPrinter::print).ifPresent(exprs::add);
      }
    }
    exprs.addAll(TARGETED);
    return exprs;
  }

  /**
   * Replays the fleet step by step as ingest would (write the slots, then observe) and evaluates
   * every expression on every host at each evaluation time.
   *
   * @return per evaluation time, per expression, the YAML of its expected samples
   */
  private static List<List<String>> evaluate(
      RecordedFleet fleet,
      Map<String, TestHost> hosts,
      Map<String, CompiledHostProgram> programs,
      int exprs) {
    List<List<String>> expected = new ArrayList<>();
    int next = 0;
    for (int step = 0; step < fleet.steps; step++) {
      long t = step * RecordedFleet.STEP_MILLIS;
      fleet.write(step, hosts);
      programs.values().forEach(HostProgram::observe);
      while (next < EVAL_MILLIS.length && EVAL_MILLIS[next] < t + RecordedFleet.STEP_MILLIS) {
        expected.add(samplesAt(programs, exprs, EVAL_MILLIS[next++]));
      }
    }
    return expected;
  }

  private static List<String> samplesAt(
      Map<String, CompiledHostProgram> programs, int exprs, long atMillis) {
    List<String> perExpr = new ArrayList<>();
    for (int e = 0; e < exprs; e++) {
      StringBuilder samples = new StringBuilder();
      for (CompiledHostProgram program : programs.values()) {
        VectorNode vector = (VectorNode) program.expr(e);
        vector.evaluate(atMillis);
        for (int i = 0; i < vector.size(); i++) {
          if (vector.present(i)) {
            samples
                .append("          - labels: '")
                .append(metric(vector.series(i)))
                .append("'\n            value: ")
                .append(RecordedSeries.exact(vector.value(i)))
                .append('\n');
          }
        }
      }
      perExpr.add(samples.toString());
    }
    return perExpr;
  }

  /** {@code name{a="b"}}, or {@code {a="b"}} once the name is dropped. */
  private static String metric(SortedMap<String, String> labels) {
    StringBuilder out = new StringBuilder(labels.getOrDefault(LabelSets.METRIC_NAME, ""));
    out.append('{');
    labels.forEach(
        (name, value) -> {
          if (!name.equals(LabelSets.METRIC_NAME)) {
            out.append(name).append("=\"").append(value).append("\",");
          }
        });
    out.setLength(out.length() - 1);
    return out.append('}').toString();
  }

  private static String testFile(
      RecordedFleet fleet, List<String> exprs, List<List<String>> expected) {
    StringBuilder out = new StringBuilder();
    out.append("rule_files: []\nevaluation_interval: 15s\ntests:\n  - interval: 15s\n");
    out.append("    input_series:\n");
    fleet.appendInputSeries(out);
    for (String host : fleet.hosts) {
      int up = host.equals(LOST_HOST) ? 0 : 1;
      liveness("vigil_host_up", host, up).appendInputSeries(out);
      liveness("vigil_host_lost", host, 1 - up).appendInputSeries(out);
    }
    out.append("    promql_expr_test:\n");
    for (int at = 0; at < EVAL_MILLIS.length; at++) {
      for (int e = 0; e < exprs.size(); e++) {
        out.append("      - expr: '").append(exprs.get(e).replace("'", "''")).append("'\n");
        out.append("        eval_time: ").append(EVAL_MILLIS[at]).append("ms\n");
        String samples = expected.get(at).get(e);
        out.append(samples.isEmpty() ? "        exp_samples: []\n" : "        exp_samples:\n");
        out.append(samples);
      }
    }
    return out.toString();
  }

  /** The collector's own series: a sample at every step from the first, as Vigil always has one. */
  private static RecordedSeries liveness(String metric, String host, double value) {
    RecordedSeries s = new RecordedSeries(metric, host, new String[0], STEPS);
    for (int step = 1; step < STEPS; step++) {
      s.set(step, value);
    }
    return s;
  }

  private static TreeSet<String> answered(List<String> exprs, List<List<String>> expected) {
    TreeSet<String> answered = new TreeSet<>();
    for (List<String> atOneTime : expected) {
      for (int e = 0; e < exprs.size(); e++) {
        if (!atOneTime.get(e).isEmpty()) {
          answered.add(exprs.get(e));
        }
      }
    }
    return answered;
  }
}
