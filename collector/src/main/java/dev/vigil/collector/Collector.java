package dev.vigil.collector;

import dev.vigil.collector.alerting.Alerting;
import dev.vigil.collector.api.ApiHandler;
import dev.vigil.collector.fleet.CollectorName;
import dev.vigil.collector.fleet.FleetRecorder;
import dev.vigil.collector.fleet.FleetSeeder;
import dev.vigil.collector.fleet.HostForgetter;
import dev.vigil.collector.http.HttpServer;
import dev.vigil.collector.incident.store.FleetTable;
import dev.vigil.collector.ingest.IngestMetrics;
import dev.vigil.collector.ingest.IngestServer;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.Rules;
import dev.vigil.collector.rules.engine.EngineMetrics;
import dev.vigil.collector.rules.engine.RuleEngine;
import dev.vigil.collector.rules.engine.StoreIncidentSink;
import dev.vigil.collector.rules.eval.HostCompiler;
import dev.vigil.collector.rules.eval.ProgramCompiler;
import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A running collector: the series store, the gRPC ingest that fills it and the HTTP server that
 * exposes it, the alerting rules in force and the engine that evaluates them as batches land, the
 * incident store with escalation and notification delivery, the fleet it remembers across restarts
 * (seeded at start), plus the collector's own metrics. Closing it stops both servers, the rules'
 * watcher and sweep, the fleet's refresh and the notification thread, then closes the incident
 * store.
 */
public final class Collector implements AutoCloseable {
  private final SeriesStore store;
  private final SelfMetrics selfMetrics;
  private final RuleReloader rules;
  private final Alerting alerting;
  private final RuleEngine engine;
  private final FleetRecorder fleet;
  private final IngestServer ingest;
  private final HttpServer http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Collector(
      SeriesStore store,
      SelfMetrics selfMetrics,
      RuleReloader rules,
      Alerting alerting,
      RuleEngine engine,
      FleetRecorder fleet,
      IngestServer ingest,
      HttpServer http) {
    this.store = store;
    this.selfMetrics = selfMetrics;
    this.rules = rules;
    this.alerting = alerting;
    this.engine = engine;
    this.fleet = fleet;
    this.ingest = ingest;
    this.http = http;
  }

  /** Starts a collector on the system clock. */
  public static Collector start(CollectorConfig config) throws IOException {
    return start(config, System::currentTimeMillis);
  }

  /**
   * Starts a collector; when the rule files are invalid, the incident store cannot open or either
   * server cannot bind, stops what had started and throws.
   *
   * @param clock wall-clock milliseconds, for last-seen times, staleness and incident times
   * @throws dev.vigil.collector.rules.RuleFileException when a rule file is invalid
   * @throws dev.vigil.collector.incident.store.IncidentStoreException when the incident store
   *     cannot be opened or migrated
   */
  public static Collector start(CollectorConfig config, LongSupplier clock) throws IOException {
    return start(config, clock, HostCompiler::new);
  }

  /**
   * Starts a collector whose rules are compiled by the compiler {@code compilers} makes for its
   * series store.
   *
   * @param clock wall-clock milliseconds, for last-seen times, staleness, incident times and the
   *     rules' sweep
   * @throws dev.vigil.collector.rules.RuleFileException when a rule file is invalid
   * @throws dev.vigil.collector.incident.store.IncidentStoreException when the incident store
   *     cannot be opened or migrated
   */
  public static Collector start(
      CollectorConfig config, LongSupplier clock, Function<SeriesStore, ProgramCompiler> compilers)
      throws IOException {
    SeriesStore store = new SeriesStore(config.limits().maxSeriesPerHost());
    IngestMetrics metrics = new IngestMetrics();
    SelfMetrics selfMetrics = new SelfMetrics(metrics);
    RuleReloader rules = null;
    Alerting alerting = null;
    RuleEngine engine = null;
    FleetRecorder fleet = null;
    IngestServer ingest = null;
    try {
      rules = RuleReloader.load(config.rules(), selfMetrics.registry(), clock);
      alerting =
          Alerting.open(
              config.incidentStore(),
              config.incidentFlapWindow(),
              config.incidentRetention(),
              config.notifications(),
              host -> hostLabels(store, host),
              selfMetrics.registry(),
              new MillisClock(clock));
      engine = engine(rules.rules(), compilers.apply(store), alerting, selfMetrics, clock);
      FleetTable table = alerting.store().fleet(CollectorName.of(config.ingestListen()));
      FleetSeeder.seed(table, store, engine, Instant.ofEpochMilli(clock.getAsLong()));
      fleet = new FleetRecorder(table, store, engine, clock);
      ingest = IngestServer.start(config, store, metrics, fleet, clock);
      HttpServer http =
          HttpServer.start(
              config,
              store,
              selfMetrics.registry(),
              clock,
              alerting.store()::unresolved,
              new ApiHandler(
                  config.apiTokens(),
                  alerting.store(),
                  store,
                  new HostForgetter(store, engine, alerting.store(), table, clock),
                  config.staleAfter()));
      rules.watch();
      engine.schedule();
      fleet.schedule();
      alerting.schedule(Alerting.PERIOD);
      return new Collector(store, selfMetrics, rules, alerting, engine, fleet, ingest, http);
    } catch (IOException | RuntimeException e) {
      closeIngest(ingest);
      if (fleet != null) {
        fleet.close();
      }
      if (engine != null) {
        engine.close();
      }
      if (alerting != null) {
        alerting.close();
      }
      if (rules != null) {
        rules.close();
      }
      selfMetrics.close();
      throw e;
    }
  }

  /**
   * The engine over the rules in force, with the unresolved incidents of the store as the alerts it
   * starts with.
   */
  private static RuleEngine engine(
      Rules rules,
      ProgramCompiler compiler,
      Alerting alerting,
      SelfMetrics selfMetrics,
      LongSupplier clock) {
    EngineMetrics metrics = new EngineMetrics();
    metrics.bindTo(selfMetrics.registry());
    return new RuleEngine(
        rules::current,
        compiler,
        new StoreIncidentSink(alerting.store()),
        alerting.store().unresolved(),
        metrics,
        clock);
  }

  /** Where agents connect; the real port even when the configuration asked for port 0. */
  public InetSocketAddress ingestAddress() {
    return ingest.address();
  }

  /** Where Prometheus scrapes; the real port even when the configuration asked for port 0. */
  public InetSocketAddress httpAddress() {
    return http.address();
  }

  /** The latest state of every host. */
  public SeriesStore store() {
    return store;
  }

  /** The incident store, with escalation and delivery running when notifications are set up. */
  public Alerting alerting() {
    return alerting;
  }

  /** The alerting rules in force, replaced on every successful reload. */
  public Rules rules() {
    return rules.rules();
  }

  /**
   * Stops the ingest (open streams get a few seconds to finish), then the HTTP server. Safe to call
   * more than once and from any thread; returns within about ten seconds.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeIngest(ingest);
      fleet.close();
      engine.close();
      http.close();
      alerting.close();
      rules.close();
      selfMetrics.close();
    }
  }

  /** The collector's millisecond clock as the {@link Clock} the incident store stamps with. */
  private static final class MillisClock extends Clock {
    private final LongSupplier millis;

    MillisClock(LongSupplier millis) {
      this.millis = millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAsLong());
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("incident times are UTC instants");
    }
  }

  /** The labels of the host's latest Hello; none for a host not connected since the start. */
  private static Map<String, String> hostLabels(SeriesStore store, String host) {
    HostState state = store.find(host);
    return state == null ? Map.of() : state.identity().labels();
  }

  private static void closeIngest(IngestServer ingest) {
    if (ingest == null) {
      return;
    }
    try {
      ingest.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
