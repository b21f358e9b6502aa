package dev.vigil.collector.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.vigil.collector.store.SeriesStore;
import dev.vigil.proto.v1.Batch;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that decode + apply of a batch allocates nothing, by counting the bytes this thread
 * allocates across many warmed-up iterations. Complements the JMH benchmark in bench/ (run with
 * {@code -prof gc}), which measures the same path for speed.
 */
class HotPathAllocationTest {
  private static final int SAMPLES = 512;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 10_000;

  /**
   * Bytes the measured loop may allocate in total: slack for a stray JVM-internal allocation (a
   * deoptimisation, a lazily created thread-local), not for our code. 4 KiB over 5,120,000 samples
   * is under a thousandth of a byte per sample; one boxed value or array per batch would already
   * cost over 160 KB and fail.
   */
  private static final long ALLOWANCE_BYTES = 4 * 1024;

  @ParameterizedTest(name = "explicit series ids: {0}")
  @ValueSource(booleans = {false, true})
  void shouldDecodeAndApplyBatchesWithoutAllocating(boolean explicitIds) throws Exception {
    IngestMetrics metrics = new IngestMetrics();
    StreamSession session =
        new StreamSession(
            new SeriesStore(10_000),
            new IngestLimits(1 << 20, 10_000, 100_000, 1024, 1_000),
            metrics,
            new CatchUpPacer(1_000, metrics.catchingUp),
            (host, at, catchingUp) -> {},
            System::currentTimeMillis);
    BatchDecoder decoder = new BatchDecoder();
    byte[] hello = Frames.helloWithBacklog("alloc", Long.MAX_VALUE);
    byte[] catalog = Frames.cpuCatalog(SAMPLES);
    session.onFrame(decoder, hello, hello.length);
    session.onFrame(decoder, catalog, catalog.length);
    Batch.Builder builder = Frames.batch(SeqPatcher.FIRST_SEQ, Frames.ramp(SAMPLES, 0.5));
    if (explicitIds) {
      for (int id = SAMPLES - 1; id >= 0; id--) {
        builder.addSeriesIds(id);
      }
    }
    byte[] batch = Frames.frame(builder);
    SeqPatcher seq = new SeqPatcher(batch, SeqPatcher.FIRST_SEQ);

    long next = run(session, decoder, batch, seq, SeqPatcher.FIRST_SEQ + 1, WARMUP);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    run(session, decoder, batch, seq, next, MEASURED);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals((long) (WARMUP + MEASURED) * SAMPLES, metrics.samples());
    assertTrue(
        allocated <= ALLOWANCE_BYTES,
        allocated + " bytes allocated over " + MEASURED + " batches of " + SAMPLES + " samples");
  }

  private static long run(
      StreamSession session, BatchDecoder decoder, byte[] batch, SeqPatcher seq, long from, int n)
      throws StreamException {
    long next = from;
    for (int i = 0; i < n; i++, next++) {
      seq.set(next);
      if (session.onFrame(decoder, batch, batch.length) != next) {
        throw new AssertionError("batch " + next + " was not applied");
      }
    }
    return next;
  }
}
