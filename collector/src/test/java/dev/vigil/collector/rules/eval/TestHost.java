package dev.vigil.collector.rules.eval;

import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.promql.ExprException;
import dev.vigil.collector.rules.promql.ExprParser;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.MetricFamily;
import dev.vigil.collector.store.SeriesRejectedException;
import dev.vigil.collector.store.SeriesSlots;
import dev.vigil.collector.store.SeriesStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One host in a real {@link SeriesStore}, written to as ingest writes, and rules compiled for it.
 */
final class TestHost {
  final SeriesStore store;
  final HostState host;

  TestHost(String name) {
    this(new SeriesStore(10_000), name);
  }

  TestHost(SeriesStore store, String name) {
    this.store = store;
    this.host = store.host(name);
  }

  /** Defines a gauge; {@code labels} are name/value pairs. */
  int gauge(String metric, String... labels) throws SeriesRejectedException {
    return host.define(metric, MetricFamily.Type.GAUGE, "", labels);
  }

  /** Defines a counter; {@code labels} are name/value pairs. */
  int counter(String metric, String... labels) throws SeriesRejectedException {
    return host.define(metric, MetricFamily.Type.COUNTER, "", labels);
  }

  /** Writes a sample as a batch would: the value, then its timestamp. */
  void set(int slot, double value, long atMillis) {
    SeriesSlots slots = host.slots();
    slots.values()[slot] = value;
    slots.updatedAtMillis()[slot] = atMillis;
  }

  /** Compiles one rule per expression, in order. */
  CompiledHostProgram compile(HostProgram previous, String... exprs) throws ExprException {
    List<Rule> rules = new ArrayList<>();
    for (String expr : exprs) {
      rules.add(rule("R" + rules.size(), expr, Optional.empty()));
    }
    return new HostCompiler(store).compile(rules, host, previous);
  }

  /** Compiles one expression. */
  HostVector vector(String expr) throws ExprException {
    return compile(null, expr).expr(0);
  }

  static Rule rule(String name, String expr, Optional<String> keepFiringWhile)
      throws ExprException {
    return new Rule(
        name,
        ExprParser.parse(expr),
        expr,
        Duration.ZERO,
        Duration.ZERO,
        keepFiringWhile.isEmpty()
            ? Optional.empty()
            : Optional.of(ExprParser.parse(keepFiringWhile.get())),
        Map.of(),
        Map.of(),
        "test.yml:1:1");
  }

  /** The present elements after evaluating at {@code atMillis}: labels to value. */
  static Map<SortedMap<String, String>, Double> result(HostVector vector, long atMillis) {
    vector.evaluate(atMillis);
    Map<SortedMap<String, String>, Double> present = new LinkedHashMap<>();
    for (int i = 0; i < vector.size(); i++) {
      if (vector.present(i)) {
        present.put(vector.labels(i), vector.value(i));
      }
    }
    return present;
  }

  /** A label set written as name/value pairs. */
  static SortedMap<String, String> labels(String... pairs) {
    SortedMap<String, String> labels = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }
}
