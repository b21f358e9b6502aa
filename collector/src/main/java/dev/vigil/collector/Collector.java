package dev.vigil.collector;

import dev.vigil.collector.http.HttpServer;
import dev.vigil.collector.ingest.IngestMetrics;
import dev.vigil.collector.ingest.IngestServer;
import dev.vigil.collector.rules.RuleReloader;
import dev.vigil.collector.rules.Rules;
import dev.vigil.collector.store.SeriesStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A running collector: the series store, the gRPC ingest that fills it and the HTTP server that
 * exposes it, the alerting rules in force, plus the collector's own metrics. Closing it stops both
 * servers and the rules' watcher.
 */
public final class Collector implements AutoCloseable {
  private final SeriesStore store;
  private final SelfMetrics selfMetrics;
  private final RuleReloader rules;
  private final IngestServer ingest;
  private final HttpServer http;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Collector(
      SeriesStore store,
      SelfMetrics selfMetrics,
      RuleReloader rules,
      IngestServer ingest,
      HttpServer http) {
    this.store = store;
    this.selfMetrics = selfMetrics;
    this.rules = rules;
    this.ingest = ingest;
    this.http = http;
  }

  /** Starts a collector on the system clock. */
  public static Collector start(CollectorConfig config) throws IOException {
    return start(config, System::currentTimeMillis);
  }

  /**
   * Starts a collector; when the rule files are invalid or either server cannot bind, stops what
   * had started and throws.
   *
   * @param clock wall-clock milliseconds, for last-seen times and staleness
   * @throws dev.vigil.collector.rules.RuleFileException when a rule file is invalid
   */
  public static Collector start(CollectorConfig config, LongSupplier clock) throws IOException {
    SeriesStore store = new SeriesStore(config.limits().maxSeriesPerHost());
    IngestMetrics metrics = new IngestMetrics();
    SelfMetrics selfMetrics = new SelfMetrics(metrics);
    RuleReloader rules = null;
    IngestServer ingest = null;
    try {
      rules = RuleReloader.load(config.rules(), selfMetrics.registry(), clock);
      ingest = IngestServer.start(config, store, metrics, clock);
      HttpServer http = HttpServer.start(config, store, selfMetrics.registry(), clock);
      rules.watch();
      return new Collector(store, selfMetrics, rules, ingest, http);
    } catch (IOException | RuntimeException e) {
      closeIngest(ingest);
      if (rules != null) {
        rules.close();
      }
      selfMetrics.close();
      throw e;
    }
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
      http.close();
      rules.close();
      selfMetrics.close();
    }
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
