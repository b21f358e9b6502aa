package dev.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.agent.metric.Sample;
import dev.vigil.proto.v1.AgentFrame;
import dev.vigil.proto.v1.Batch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity promise: 7 days of a 500-series host at the 15 s default fit in the default 64 MiB
 * spool, measured through the real writer into real segment files.
 */
class SpoolCapacityTest {
  private static final int TICKS = 7 * 5760;
  private static final long START_MS = 1_790_000_000_000L;

  @TempDir Path dir;

  @Test
  void shouldHoldSevenDaysOfAFiveHundredSeriesHostInSixtyFourMebibytes() throws Exception {
    HostWorkload host = new HostWorkload(7, START_MS);
    long maxBytes = 64L << 20;
    Clock clock = Clock.fixed(Instant.ofEpochMilli(START_MS), ZoneOffset.UTC);
    long firstSeq;
    try (Spool spool = Spool.open(dir, maxBytes, FsyncPolicy.NEVER, clock)) {
      SpoolWriter writer = new SpoolWriter(spool, SpoolWriter.KEYFRAME_INTERVAL);
      firstSeq = spool.nextSeq();
      for (int i = 0; i < TICKS; i++) {
        writer.append(host.next(), host.timestampMs());
      }
      long samples = (long) TICKS * host.seriesCount();
      double bytesPerSample = (double) spool.bytes() / samples;
      System.out.printf(
          "spool capacity: %d series x %d ticks = %d samples in %d bytes: %.3f bytes/sample%n",
          host.seriesCount(), TICKS, samples, spool.bytes(), bytesPerSample);
      assertEquals(500, host.seriesCount());
      assertEquals(0, spool.droppedBatches(), "the spool had to drop data to hold 7 days");
      assertTrue(spool.bytes() <= maxBytes, spool.bytes() + " bytes");
      assertEquals(TICKS, spool.backlog(firstSeq - 1), "every tick is still spooled");
      assertEverySampleReadsBackBitForBit(spool);
    }
  }

  /** Replays the 7 days and compares each value with a second run of the same workload. */
  private static void assertEverySampleReadsBackBitForBit(Spool spool) {
    HostWorkload again = new HostWorkload(7, START_MS);
    SpoolReader reader = spool.reader(0);
    int ticks = 0;
    int largestCatalog = 0;
    for (AgentFrame frame = reader.next(); frame != null; frame = reader.next()) {
      if (frame.hasCatalog()) {
        largestCatalog = Math.max(largestCatalog, frame.getSerializedSize());
        continue;
      }
      List<Sample> expected = again.next();
      Batch batch = frame.getBatch();
      assertEquals(again.timestampMs(), batch.getTimestampMs());
      assertEquals(expected.size(), batch.getValuesCount());
      for (int i = 0; i < expected.size(); i++) {
        if (Double.doubleToRawLongBits(expected.get(i).value())
            != Double.doubleToRawLongBits(batch.getValues(i))) {
          assertEquals(
              expected.get(i).value(), batch.getValues(i), "tick " + ticks + " series " + i);
        }
      }
      ticks++;
    }
    assertEquals(TICKS, ticks);
    System.out.printf(
        "spool capacity: the full catalog of 500 series takes %d bytes%n", largestCatalog);
  }
}
