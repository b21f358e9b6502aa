package dev.vigil.collector.rules.engine;

import dev.vigil.collector.incident.Incident;
import dev.vigil.collector.rules.Rule;
import dev.vigil.collector.rules.RuleGroup;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.promql.ExprException;
import dev.vigil.collector.rules.promql.ExprParser;
import dev.vigil.collector.store.HostIdentity;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rules, a host, a wall clock and an engine over a {@link FakeCompiler}, for the engine's tests.
 */
final class EngineFixture {
  /** A batch timestamp on the agent's clock. */
  static final long T0 = 1_700_000_000_000L;

  private static final Path FILE = Path.of("test.yml");

  final SeriesStore store = new SeriesStore(1_000);
  final AtomicLong wall = new AtomicLong(T0 + Duration.ofHours(3).toMillis());
  final AtomicReference<RuleSet> rules = new AtomicReference<>(RuleSet.EMPTY);
  final FakeCompiler compiler = new FakeCompiler();
  final RecordingSink sink = new RecordingSink();
  final EngineMetrics metrics = new EngineMetrics();
  final Object stream = new Object();

  RuleEngine engine() {
    return engine(sink, List.of());
  }

  RuleEngine engine(IncidentSink to, List<Incident> unresolved) {
    return new RuleEngine(rules::get, compiler, to, unresolved, metrics, wall::get);
  }

  /** A connected host. */
  HostState host(String name) {
    HostState host = store.host(name);
    host.claim(stream, HostIdentity.UNKNOWN, wall.get());
    return host;
  }

  /** Puts {@code loaded} in force, as a reload would. */
  void load(Rule... loaded) {
    rules.set(new RuleSet(List.of(new RuleGroup("test", Optional.empty(), List.of(loaded), FILE))));
  }

  static Rule rule(String name, Duration pendingFor, Duration keepFiringFor) {
    return rule(name, pendingFor, keepFiringFor, Map.of("severity", "critical"), Map.of());
  }

  static Rule rule(
      String name,
      Duration pendingFor,
      Duration keepFiringFor,
      Map<String, String> labels,
      Map<String, String> annotations) {
    try {
      String text = "node_load1 > 4";
      return new Rule(
          name,
          ExprParser.parse(text),
          text,
          pendingFor,
          keepFiringFor,
          Optional.empty(),
          labels,
          annotations,
          "test.yml:1:3");
    } catch (ExprException e) {
      throw new AssertionError(e);
    }
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static long minutes(double m) {
    return (long) (m * 60_000);
  }
}
