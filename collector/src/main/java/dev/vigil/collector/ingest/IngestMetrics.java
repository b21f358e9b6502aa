package dev.vigil.collector.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the ingest path. Hot threads only add to adders; Micrometer reads them at scrape
 * time, so counting costs no allocation and no registry lookup per batch.
 */
public final class IngestMetrics {
  final LongAdder samples = new LongAdder();
  final LongAdder batches = new LongAdder();
  final LongAdder replayedBatches = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final LongAdder unauthenticated = new LongAdder();
  final AtomicInteger streams = new AtomicInteger();
  final AtomicInteger catchingUp = new AtomicInteger();
  private final LongAdder[] errors = new LongAdder[IngestError.values().length];

  public IngestMetrics() {
    for (int i = 0; i < errors.length; i++) {
      errors[i] = new LongAdder();
    }
  }

  void error(IngestError error) {
    errors[error.ordinal()].increment();
  }

  /** Errors of one kind so far. */
  public long errors(IngestError error) {
    return errors[error.ordinal()].sum();
  }

  /** Streams refused for their agent token so far. */
  public long unauthenticated() {
    return unauthenticated.sum();
  }

  /** Samples applied to the store so far. */
  public long samples() {
    return samples.sum();
  }

  /** Registers every counter with {@code registry} under {@code vigil_collector_*}. */
  public void bindTo(MeterRegistry registry) {
    counter(registry, "vigil.collector.samples", "Samples applied to the series store", samples);
    counter(registry, "vigil.collector.batches", "Batches applied to the series store", batches);
    counter(
        registry,
        "vigil.collector.replayed.batches",
        "Batches ignored because their seq was already applied",
        replayedBatches);
    counter(
        registry,
        "vigil.collector.unauthenticated.streams",
        "Ingest streams refused for a missing or unaccepted agent token",
        unauthenticated);
    FunctionCounter.builder("vigil.collector.received", bytes, LongAdder::doubleValue)
        .baseUnit("bytes")
        .description("Bytes of frames received from agents")
        .register(registry);
    Gauge.builder("vigil.collector.streams", streams, AtomicInteger::get)
        .description("Agent streams currently open")
        .register(registry);
    Gauge.builder("vigil.collector.catching.up.streams", catchingUp, AtomicInteger::get)
        .description("Agent streams still sending the backlog they announced in Hello")
        .register(registry);
    for (IngestError error : IngestError.values()) {
      FunctionCounter.builder(
              "vigil.collector.decode.errors", errors[error.ordinal()], LongAdder::doubleValue)
          .description("Streams ended because of a bad frame or a passed limit")
          .tag("reason", error.label())
          .register(registry);
    }
  }

  private static void counter(MeterRegistry registry, String name, String help, LongAdder adder) {
    FunctionCounter.builder(name, adder, LongAdder::doubleValue)
        .description(help)
        .register(registry);
  }
}
