package dev.vigil.agent.spool;

import dev.vigil.agent.metric.Sample;
import dev.vigil.agent.spool.codec.TickEncoder;
import dev.vigil.agent.wire.SeriesRegistry;
import dev.vigil.agent.wire.Tick;
import java.io.IOException;
import java.util.List;

/**
 * Turns each tick's samples into spool records: a catalog record when series are new, then the tick
 * in the compact encoding. Every segment starts with the full catalog and a keyframe, so any
 * segment can be sent, and any can be dropped, without the others. Used by one thread, the tick's.
 */
public final class SpoolWriter {
  /** A keyframe every 64 ticks (16 min at 15 s): damage costs at most that much. */
  public static final int KEYFRAME_INTERVAL = 64;

  /**
   * At a segment boundary, a registry holding more than this many series beyond twice the latest
   * tick's is dropped for a new epoch, so series that came and went (containers' network
   * interfaces, say) do not grow it for the agent's whole life.
   */
  static final int STALE_SERIES_ALLOWANCE = 1024;

  private final Spool spool;
  private final TickEncoder encoder;
  private final Tick tick = new Tick();
  private SeriesRegistry registry = new SeriesRegistry();
  private int symbolsSpooled;
  private int seriesSpooled;

  /** Writes into {@code spool} with a keyframe every {@code keyframeInterval} ticks. */
  public SpoolWriter(Spool spool, int keyframeInterval) {
    this.spool = spool;
    this.encoder = new TickEncoder(keyframeInterval);
  }

  /**
   * Spools one tick.
   *
   * @return the seq it was given
   */
  public long append(List<Sample> samples, long timestampMs) throws IOException {
    if (spool.activeIsFull()) {
      boolean newEpoch = registry.seriesCount() > 2 * tick.count() + STALE_SERIES_ALLOWANCE;
      if (newEpoch) {
        registry = new SeriesRegistry();
      }
      spool.roll(newEpoch);
    }
    boolean freshSegment = spool.activeIsEmpty();
    registry.fill(samples, timestampMs, tick);
    if (freshSegment) {
      symbolsSpooled = 0;
      seriesSpooled = 0;
      encoder.reset();
    }
    if (freshSegment || registry.seriesCount() > seriesSpooled) {
      spool.appendCatalog(
          registry.catalogSince(spool.epoch(), symbolsSpooled, seriesSpooled).toByteArray());
      symbolsSpooled = registry.symbolCount();
      seriesSpooled = registry.seriesCount();
    }
    int length = encoder.encode(tick);
    return spool.appendTick(encoder.buffer(), length);
  }
}
