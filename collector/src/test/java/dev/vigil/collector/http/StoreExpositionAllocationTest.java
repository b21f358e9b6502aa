package dev.vigil.collector.http;

import static dev.vigil.collector.http.StoreFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.collector.store.HostState;
import dev.vigil.collector.store.SeriesStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that writing the fleet exposition allocates nothing per series: several hosts of about 500
 * series each, written again and again into one reused buffer, measured by the JVM's per-thread
 * allocation counter after warm-up.
 */
class StoreExpositionAllocationTest {
  private static final int HOSTS = 8;
  private static final int FAMILIES = 50;
  private static final int SERIES_PER_FAMILY = 10;
  private static final int WARM_UP_SCRAPES = 3_000;
  private static final int MEASURED_SCRAPES = 1_000;

  /**
   * Bytes a whole scrape may allocate, against 4,000 series: room for the measurement's own noise,
   * far below one byte per series.
   */
  private static final long MAX_BYTES_PER_SCRAPE = 64;

  @Test
  void shouldWriteTheFleetWithoutAllocatingPerSeries() throws Exception {
    SeriesStore store = fleet();
    long freshSince = NOW - StoreFixture.STALE_AFTER.toMillis();
    ByteBuf tracked = ByteBufAllocator.DEFAULT.directBuffer(1 << 20);
    // Tests run with paranoid leak detection, whose wrapper records a stack trace on every write;
    // the writer is measured on the allocator's own buffer, as it runs in production.
    ByteBuf buffer = tracked.unwrap() != null ? tracked.unwrap() : tracked;
    try {
      StoreExposition exposition = StoreExposition.current();
      for (int i = 0; i < WARM_UP_SCRAPES; i++) {
        buffer.clear();
        exposition.writeFleet(buffer, store, freshSince, StoreExposition.OWN_NAMES);
      }
      int size = buffer.readableBytes();
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < MEASURED_SCRAPES; i++) {
        buffer.clear();
        exposition.writeFleet(buffer, store, freshSince, StoreExposition.OWN_NAMES);
      }
      long perScrape = (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED_SCRAPES;

      assertEquals(size, buffer.readableBytes());
      assertTrue(size > HOSTS * FAMILIES * SERIES_PER_FAMILY * 20, "exposition is " + size);
      assertTrue(
          perScrape <= MAX_BYTES_PER_SCRAPE,
          perScrape
              + " bytes allocated per scrape of "
              + HOSTS * FAMILIES * SERIES_PER_FAMILY
              + " series");
    } finally {
      tracked.release();
    }
  }

  /** Values of every kind the writer formats itself: counts, bytes, ratios, seconds, NaN. */
  private static SeriesStore fleet() throws Exception {
    SeriesStore store = new SeriesStore(1_000);
    for (int h = 0; h < HOSTS; h++) {
      HostState host = StoreFixture.connected(store, "host-" + h + ".example.org", Map.of());
      for (int f = 0; f < FAMILIES; f++) {
        for (int s = 0; s < SERIES_PER_FAMILY; s++) {
          int i = h * 1_000 + f * SERIES_PER_FAMILY + s;
          double value =
              switch (i % 5) {
                case 0 -> i * 1_048_576d;
                case 1 -> i + 0.25;
                case 2 -> i / 1_000d;
                case 3 -> 0.000_001 * i;
                default -> i % 7 == 0 ? Double.NaN : 12_345.678_901 + i;
              };
          StoreFixture.gauge(
              host,
              "node_family_" + f + "_bytes",
              value,
              NOW - 1_000,
              "device",
              "dev" + s,
              "mountpoint",
              "/mnt/" + s);
        }
      }
    }
    return store;
  }
}
