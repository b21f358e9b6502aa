package dev.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    }
  }
}
