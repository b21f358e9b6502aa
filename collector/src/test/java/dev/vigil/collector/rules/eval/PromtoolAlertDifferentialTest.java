package dev.vigil.collector.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.Promtool;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.eval.HostLinks.Link;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's alert engine against the real Prometheus 2.42 rule manager: on the same recorded fleet,
 * the real {@link RuleEngine} with the real {@link HostCompiler} decides at every 15 s step which
 * alerts fire on which host, and {@code promtool test rules} checks every step of every rule, each
 * written as an {@code alert_rule_test} with the firing alerts' full label sets as {@code
 * exp_alerts}.
 *
 * <p><b>The rules</b> are a copy of the default pack that both read, made by the test ({@link
 * ScaledRuleFile}): {@code for} longer than an hour is cut to an hour (7d and 7h would need days of
 * data), and the copy has no annotations. promtool compares a firing alert's annotations exactly
 * ({@code reflect.DeepEqual} on labels and annotations in {@code cmd/promtool/unittest.go}), and
 * Prometheus renders them again at every evaluation with the current {@code $value}, whereas Vigil
 * renders an incident's summary once, when it opens; the rendering itself is checked against
 * Prometheus' own template tests ({@code GoNumbersTest}). Dropping them also drops {@code
 * vigil_keep_firing_while}, an annotation to Prometheus: its hysteresis is Vigil's by design and
 * would differ wherever it holds. A second file adds a rule with {@code keep_firing_for}, which the
 * pack does not use.
 *
 * <p><b>The data</b> is the generated fleet of {@link PromtoolDifferentialTest} over three hours,
 * where series vanish for longer than the lookback now and then and most rules fire on a host or
 * two, plus shaped series: a collector and a patch scan failing for long enough (the generated ones
 * wander off 0 too often), a sensor hot for one step less than the 5 minutes of {@code
 * HostHighTemperature} and one for exactly 5 minutes, a battery worn for one step less than {@code
 * BatteryWornOut}'s hour and one for exactly an hour, and a sensor that fires, cools for less than
 * its {@code keep_firing_for}, fires again, cools for exactly as long, then flaps. Hosts lose their
 * stream for one step less than {@code HostOffline}'s 5 minutes, for exactly 5 minutes and for
 * longer, and one says Goodbye; the collector's {@code vigil_host_lost} is an input series for
 * Prometheus. The collector's clock is the agents' here, so the sweep that evaluates a host without
 * batches does so on the same 15 s steps as Prometheus. The test also checks that every rule fires
 * on some host and not on all, and that each boundary went the way it was shaped, so that the
 * comparison cannot pass on data where nothing happens.
 */
class PromtoolAlertDifferentialTest {
  private static final Path PACK = Path.of("../deploy/rules/vigil-default.yml");
  private static final Duration LONGEST_FOR = Duration.ofHours(1);

  /** Three hours. */
  private static final int STEPS = 721;

  private static final String TEMPERATURE = "node_hwmon_temp_celsius";
  private static final String BATTERY = "vigil_battery_health_ratio";
  private static final double HOT = 91;
  private static final double COOL = 60;

  private static final String KEEP_FIRING_RULES =
      """
      groups:
        - name: vigil-differential
          rules:
            - alert: SensorHotKeptFiring
              expr: node_hwmon_temp_celsius{sensor="temp7"} >= 90
              for: 1m
              keep_firing_for: 2m
              labels:
                severity: info
                team: desk
      """;

  @TempDir Path dir;

  @Test
  void shouldFireTheSameAlertsOnTheSameHostsAsPrometheus() throws Exception {
    RuleSet rules = testRules();
    RecordedFleet fleet = new RecordedFleet(STEPS);
    shapeSeries(fleet);
    HostLinks links = new HostLinks(fleet);
    // HostOffline: lost for 20 evaluations (4m45s), later for 50; for 21 (5m); a Goodbye.
    links.cut("srv-c", Link.LOST, 300, 20);
    links.cut("srv-c", Link.LOST, 400, 50);
    links.cut("pc-a", Link.GOODBYE, 500, 40);
    links.cut("pc-b", Link.LOST, 600, 21);

    FiringAlerts firing = new FiringAlerts();
    StringBuilder alertTests = new StringBuilder();
    replay(fleet, links, rules, firing, alertTests);

    Path tests = dir.resolve("vigil-alerts-test.yml");
    Files.writeString(tests, testFile(fleet, links, alertTests));
    Promtool.assertRuleTestsPass(tests);
    assertDataReachesEveryCase(rules, fleet, firing.raised());
  }

  /** Writes the pack's test copy and the extra rules into the test's directory, and loads both. */
  private RuleSet testRules() throws Exception {
    try (RuleReloader pack =
        RuleReloader.load(List.of(PACK), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      Files.writeString(
          dir.resolve("pack.yml"), ScaledRuleFile.of(pack.rules().current(), LONGEST_FOR));
    }
    Files.writeString(dir.resolve("keep-firing.yml"), KEEP_FIRING_RULES);
    try (RuleReloader copy =
        RuleReloader.load(
            List.of(dir.resolve("pack.yml"), dir.resolve("keep-firing.yml")),
            new SimpleMeterRegistry(),
            System::currentTimeMillis)) {
      return copy.rules().current();
    }
  }

  private static void shapeSeries(RecordedFleet fleet) {
    // HostHighTemperature: hot at 20 evaluations (4m45s), then at 21 (5m).
    steady(fleet.shaped("pc-a", TEMPERATURE, "chip", "coretemp", "sensor", "temp8"), COOL)
        .during(100, 20, HOT);
    steady(fleet.shaped("pc-a", TEMPERATURE, "chip", "coretemp", "sensor", "temp9"), COOL)
        .during(200, 21, HOT);
    // SensorHotKeptFiring: fires at 104, cool for 1m45s (kept), hot again, cool for 2m
    // (resolves), then 45 s hot and 45 s cool for 25 minutes, never for the 1m of `for`.
    Shape kept =
        steady(fleet.shaped("pc-b", TEMPERATURE, "chip", "coretemp", "sensor", "temp7"), COOL)
            .during(100, 10, HOT)
            .during(117, 8, HOT);
    for (int from = 200; from < 300; from += 6) {
      kept.during(from, 3, HOT);
    }
    // The generated gauges wander off their level too often to hold for long `for`s.
    steady(fleet.shaped("srv-c", "vigil_agent_collector_success", "collector", "power"), 1)
        .during(150, 120, 0);
    steady(generated(fleet, "pc-a", "vigil_patch_scan_success"), 1).during(150, 300, 0);
    // BatteryWornOut (1h): worn for 240 evaluations (59m45s), and for 241 (1h).
    steady(generated(fleet, "srv-c", BATTERY), 0.875).during(460, 240, 0.5);
    steady(generated(fleet, "pc-b", BATTERY), 0.875).during(20, 241, 0.5);
  }

  /** The generated series of {@code metric} on {@code host}. */
  private static RecordedSeries generated(RecordedFleet fleet, String host, String metric) {
    return fleet.series.stream()
        .filter(s -> s.instance.equals(host) && s.metric.equals(metric))
        .findFirst()
        .orElseThrow();
  }

  /** A series at {@code value} at every step but the first. */
  private static Shape steady(RecordedSeries series, double value) {
    return new Shape(series).during(1, series.values.length - 1, value);
  }

  /** A series shaped step by step. */
  private record Shape(RecordedSeries series) {
    Shape during(int from, int steps, double value) {
      for (int step = from; step < from + steps; step++) {
        series.set(step, value);
      }
      return this;
    }
  }

  /**
   * Replays the fleet as ingest and the sweep would: at each step, hosts connect or drop, each
   * connected host's samples land and the engine evaluates it at the step's timestamp, then the
   * sweep evaluates the others; what fires then becomes that step's alert tests.
   */
  private static void replay(
      RecordedFleet fleet,
      HostLinks links,
      RuleSet rules,
      FiringAlerts firing,
      StringBuilder alertTests)
      throws Exception {
    SeriesStore store = new SeriesStore(10_000);
    Map<String, TestHost> hosts = fleet.load(store);
    AtomicLong wall = new AtomicLong();
    RuleEngine engine =
        new RuleEngine(
            () -> rules,
            new HostCompiler(store),
            firing,
            List.of(),
            new EngineMetrics(),
            wall::get);
    for (int step = 1; step < STEPS; step++) {
      long t = step * RecordedFleet.STEP_MILLIS;
      wall.set(t);
      links.apply(step, hosts);
      fleet.write(step, hosts);
      for (TestHost h : hosts.values()) {
        if (h.host.up()) {
          engine.onBatch(h.host, t, false);
        }
      }
      engine.sweep();
      for (Rule rule : rules.rules()) {
        appendAlertTest(alertTests, t, rule.name(), firing.labels(rule));
      }
    }
  }

  private static void appendAlertTest(
      StringBuilder out, long atMillis, String alert, List<SortedMap<String, String>> firing) {
    out.append("      - eval_time: ").append(atMillis / 1000).append("s\n");
    out.append("        alertname: ").append(ScaledRuleFile.quoted(alert)).append('\n');
    out.append(firing.isEmpty() ? "        exp_alerts: []\n" : "        exp_alerts:\n");
    for (SortedMap<String, String> labels : firing) {
      out.append("          - exp_labels: {");
      labels.forEach(
          (name, value) ->
              out.append(name).append(": ").append(ScaledRuleFile.quoted(value)).append(", "));
      out.setLength(out.length() - 2);
      out.append("}\n");
    }
  }

  private static String testFile(RecordedFleet fleet, HostLinks links, StringBuilder alertTests) {
    StringBuilder out = new StringBuilder();
    out.append("rule_files: [pack.yml, keep-firing.yml]\nevaluation_interval: 15s\ntests:\n");
    out.append("  - interval: 15s\n    input_series:\n");
    fleet.appendInputSeries(out);
    links.appendLostSeries(out);
    out.append("    alert_rule_test:\n").append(alertTests);
    return out.toString();
  }

  /**
   * The comparison proves little on data where nothing happens: every rule fires on some host and
   * not on all, and the shaped cases went the way they were shaped.
   */
  private static void assertDataReachesEveryCase(
      RuleSet rules, RecordedFleet fleet, List<IncidentKey> raised) {
    Map<String, Set<String>> hostsFired = new TreeMap<>();
    for (Rule rule : rules.rules()) {
      hostsFired.put(rule.name(), new TreeSet<>());
    }
    raised.forEach(key -> hostsFired.get(key.rule()).add(key.host()));
    hostsFired.forEach(
        (rule, hosts) ->
            assertTrue(
                !hosts.isEmpty() && hosts.size() < fleet.hosts.size(),
                rule + " fires on some hosts only, fired on " + hosts));

    assertEquals(
        0,
        raises(raised, "pc-a", "HostHighTemperature", "chip", "coretemp", "sensor", "temp8"),
        "4m45s hot");
    assertEquals(
        1,
        raises(raised, "pc-a", "HostHighTemperature", "chip", "coretemp", "sensor", "temp9"),
        "5m hot");
    assertEquals(
        1,
        raises(raised, "pc-b", "SensorHotKeptFiring", "chip", "coretemp", "sensor", "temp7"),
        "kept, then flapping");
    assertEquals(
        0, raises(raised, "srv-c", "BatteryWornOut", "power_supply", "BAT0"), "59m45s worn");
    assertEquals(1, raises(raised, "pc-b", "BatteryWornOut", "power_supply", "BAT0"), "1h worn");
    assertEquals(1, raises(raised, "srv-c", "HostOffline"), "lost 4m45s, then longer");
    assertEquals(1, raises(raised, "pc-b", "HostOffline"), "lost 5m");
    assertEquals(0, raises(raised, "pc-a", "HostOffline"), "Goodbye");
  }

  /** How often the host's alert with these labels (name/value pairs) was raised. */
  private static int raises(List<IncidentKey> raised, String host, String rule, String... labels) {
    return Collections.frequency(raised, new IncidentKey(host, rule, TestHost.labels(labels)));
  }
}
