package dev.vigil.bench;

import dev.vigil.collector.incident.FiringAlert;
import dev.vigil.collector.incident.IncidentKey;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.RuleSet;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.IncidentSink;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.eval.HostCompiler;
import dev.vigil.collector.store.SeriesStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The rule engine as the collector runs it, for benchmarks of the ingest path. */
final class RuleEngines {
  /** The default pack, found from the repository root, where benchmarks are run. */
  static final Path DEFAULT_PACK = Path.of("deploy/rules/vigil-default.yml");

  private RuleEngines() {}

  /**
   * An engine evaluating the default pack over {@code store}'s hosts. Alerts that fire go to a sink
   * that drops them: the benchmark measures evaluation, not the incident store's writer.
   */
  static RuleEngine defaultPack(SeriesStore store) {
    RuleSet pack = load(DEFAULT_PACK);
    return new RuleEngine(
        () -> pack,
        new HostCompiler(store),
        new DroppingSink(),
        List.of(),
        new EngineMetrics(),
        System::currentTimeMillis);
  }

  private static RuleSet load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " not found: run the benchmark from the repository root");
    }
    try (RuleReloader reloader =
        RuleReloader.load(List.of(file), new SimpleMeterRegistry(), System::currentTimeMillis)) {
      return reloader.rules().current();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class DroppingSink implements IncidentSink {
    @Override
    public void raise(FiringAlert alert) {}

    @Override
    public void clear(IncidentKey key) {}
  }
}
